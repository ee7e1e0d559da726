import { newIdempotencyKey } from '../../api/idempotency';

/**
 * Idempotency-Keys for a form's writes: the same body sent again (a retry after a lost answer)
 * reuses its key, so it never takes effect twice; a changed body is a new submission with a new key.
 */
export class SubmissionKeys {
  private last: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const text = JSON.stringify(body ?? null);
    if (this.last?.body !== text) this.last = { body: text, key: newIdempotencyKey() };
    return this.last.key;
  }

  /** After a success: the next write is a new submission even with the same body. */
  done(): void {
    this.last = null;
  }
}
