/**
 * How the HTTP filter presents a domain error:
 * - `invalid` 400: the request is malformed or fails validation;
 * - `not_found` 404; `forbidden` 403;
 * - `conflict` 409: the resource's current state does not allow it (already decided, not yet delivered…);
 * - `unprocessable` 422: well-formed but against a rule — including every closed window and passed
 *   legal deadline (a return, a review request, an evaluation after its period);
 * - `too_many` 429;
 * - `unavailable` 502: a service this one depends on is down, slow or failing.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unprocessable' | 'too_many' | 'unavailable';

/** One field-level reason. */
export interface FieldReason {
  field: string;
  reason: string;
}

/**
 * Base of every feature's errors: a stable code (`PETITION_NOT_FOUND`), a message a user can read
 * (Chinese first), a kind the HTTP filter maps to a status, and optional field reasons.
 * Services throw these, never HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details: FieldReason[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that fails validation, with the reasons per field. */
export class ValidationFailedError extends DomainError {
  constructor(details: FieldReason[], message = '输入有误 (validation failed)') {
    super('VALIDATION_FAILED', message, 'invalid', details);
  }
}
