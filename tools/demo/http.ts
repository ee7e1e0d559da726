import { signStaffToken } from '@petition/auth';
import type { Role } from '@petition/contracts';

/** Where the five services answer, e.g. `{ intake: 'http://127.0.0.1:3001', … }`. */
export interface SeedTarget {
  intake: string;
  dispatch: string;
  handling: string;
  supervision: string;
  analytics: string;
}

export type ServiceName = keyof SeedTarget;

/** A staff member as their token names them. */
export interface Staff {
  sub: string;
  roles: Role[];
  unitId: string | null;
}

/** A request the demo made that a service refused, or that never got an answer. */
export class SeedStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedStepError';
  }
}

export interface CallOptions {
  as: Staff | null;
  body?: unknown;
  /** The Idempotency-Key of a write; a retry after a lost connection reuses it. */
  key?: string;
  headers?: Record<string, string>;
}

/** Connection failures are retried this often, with the same Idempotency-Key. */
const ATTEMPTS = 4;

/**
 * A thin JSON client over the services' HTTP APIs: staff tokens signed like `npm run token`,
 * every answer's status checked, and a refusal reported with the step it broke, the request and
 * the service's own answer (its code, message and field reasons).
 */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly target: SeedTarget,
    private readonly secret: string,
  ) {}

  token(staff: Staff): string {
    const id = `${staff.sub}|${staff.roles.join(',')}|${staff.unitId ?? ''}`;
    let token = this.tokens.get(id);
    if (!token) {
      token = signStaffToken({ sub: staff.sub, roles: staff.roles, unitId: staff.unitId }, this.secret, '12h');
      this.tokens.set(id, token);
    }
    return token;
  }

  async call<T>(step: string, service: ServiceName, method: 'GET' | 'POST' | 'PUT', path: string, options: CallOptions): Promise<T> {
    const url = `${this.target[service]}${path}`;
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.as) headers.authorization = `Bearer ${this.token(options.as)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.key) headers['idempotency-key'] = options.key;
    const what = `${step}: ${method} ${service} ${path}`;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      } catch (err) {
        if (attempt < ATTEMPTS && (method === 'GET' || options.key)) {
          await new Promise((r) => setTimeout(r, 250 * attempt));
          continue;
        }
        throw new SeedStepError(`${what} got no answer: ${(err as Error).message}${causeOf(err)}`);
      }
      const text = await res.text();
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      if (res.ok) return body as T;
      throw new SeedStepError(`${what} answered ${res.status}: ${describe(body)}`);
    }
  }

  get<T>(step: string, service: ServiceName, path: string, as: Staff): Promise<T> {
    return this.call<T>(step, service, 'GET', path, { as });
  }

  /** Every item of a keyset-paged list (`items`, `nextCursor`). */
  async all<T>(step: string, service: ServiceName, path: string, as: Staff): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    const sep = path.includes('?') ? '&' : '?';
    do {
      const page: { items: T[]; nextCursor: string | null } = await this.get(
        step,
        service,
        `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        as,
      );
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}

function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { code?: string; message?: string; details?: unknown };
    const details = b.details === undefined ? '' : ` ${JSON.stringify(b.details)}`;
    if (b.code || b.message) return `${b.code ?? ''} ${b.message ?? ''}${details}`.trim();
    return JSON.stringify(body).slice(0, 500);
  }
  return String(body ?? '(empty body)').slice(0, 500);
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message})` : '';
}

/**
 * Polls `probe` until it answers something other than undefined or false, or fails after
 * `timeoutMs` naming what it waited for and what it last saw. For effects that cross Kafka.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = 'not there yet';
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > until) throw new SeedStepError(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `fn` over `items` with at most `limit` at a time; the first failure fails the whole. */
export async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== null) throw failed;
}
