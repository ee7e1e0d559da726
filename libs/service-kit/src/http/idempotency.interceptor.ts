import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { DomainError } from '../domain-error';

const SKIP_KEY = 'petition:skipIdempotency';
const DEFERRED_KEY = 'petition:claimInTransaction';

/** Exempts a write endpoint from the Idempotency-Key requirement (e.g. the demo clock). */
export const SkipIdempotency = () => SetMetadata(SKIP_KEY, true);

/** A write request being served under its Idempotency-Key (its row in `idempotency_keys` is claimed, with no response yet). */
export interface IdempotentRequest {
  /** Whose key it is: `user:<token subject>`, or `ip:<client address>` on a public endpoint. */
  scope: string;
  key: string;
  /** SHA-256 of the request (method, concrete path with its query, body), for a handler that claims the key itself. */
  requestHash: string;
  /** False under {@link ClaimInTransaction}: the handler must claim the key with its effect. */
  claimed: boolean;
  /**
   * Set by a handler that wrote its own response into the claimed row, in the same transaction
   * as its effect (`UPDATE idempotency_keys SET status_code, response WHERE scope AND key`): the
   * interceptor then skips its own write. Effect and stored response then commit together, so a
   * crash in between cannot leave a key "in progress" for ever — and it saves a round trip.
   */
  storedInTransaction: boolean;
}

const current = new AsyncLocalStorage<IdempotentRequest>();

/** The write request being served under an Idempotency-Key, if any (see {@link IdempotentRequest.storedInTransaction}). */
export function currentIdempotentRequest(): IdempotentRequest | undefined {
  return current.getStore();
}

/**
 * Marks a write endpoint whose handler claims the key itself, in the statement that makes its
 * effect (`INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response) … ON
 * CONFLICT DO NOTHING`, the effect only if that row went in), and throws
 * {@link IdempotencyKeyTaken} when the key was already there. One round trip fewer, and no window
 * in which a key is claimed without its effect. A handler that returns without storing is stored
 * afterwards, as usual.
 */
export const ClaimInTransaction = () => SetMetadata(DEFERRED_KEY, true);

/** Thrown by a {@link ClaimInTransaction} handler that found its key already used: the interceptor answers as for any repeated key. */
export class IdempotencyKeyTaken extends Error {}

/**
 * Seals what must not lie in clear in a stored answer (a petitioner's query code: answers are kept
 * with no expiry) and opens it again to answer a retry. A service provides one under
 * {@link RESPONSE_SEALER}; without one, answers are stored as they are.
 */
export interface ResponseSealer {
  /** The body as it is to be stored. */
  seal(body: unknown): unknown;
  /** The stored body as a retry is to be answered. */
  open(body: unknown): unknown;
}

/** DI token of a service's {@link ResponseSealer} (optional). */
export const RESPONSE_SEALER = Symbol('RESPONSE_SEALER');

const UNSEALED: ResponseSealer = { seal: (body) => body, open: (body) => body };

/** An Idempotency-Key problem. */
export class IdempotencyError extends DomainError {}

interface Req {
  method: string;
  path: string;
  /** The URL as the client sent it: the concrete path, with its parameters and query. */
  originalUrl?: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  ip?: string;
  user?: { sub: string };
}
/**
 * What makes two requests "the same" for a key: the method, the concrete path with its query (the
 * route template would make `/work-items/W2/accept` a retry of `/work-items/W1/accept`) and the
 * body. A raw upload (a Buffer body) is hashed as bytes, not as a JSON rendering four times its size.
 */
function requestHash(req: Req): string {
  return createHash('sha256')
    .update(`${req.method} ${req.originalUrl ?? req.path}\n`)
    .update(Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body ?? null))
    .digest('hex');
}

interface Res {
  statusCode: number;
  status(code: number): Res;
}

/**
 * Every write takes an `Idempotency-Key`. The first request with a key runs and its response is
 * stored; a retry with the same key and the same request gets the stored response; the same key
 * with any other request — another method, another concrete path (`/work-items/W2/accept` after
 * `/work-items/W1/accept`), another query or body — is refused (422 `IDEMPOTENCY_KEY_REUSED`),
 * never answered with the first request's result. A request that failed is forgotten, so it can
 * be retried. Keys belong to their caller (the token's subject or, on public endpoints, the
 * client address): two callers never see each other's keys. They live in the service's own schema.
 */
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
    private readonly sealer: ResponseSealer = UNSEALED,
  ) {}

  /**
   * Runs one statement on the driver's pool when it has one (node-postgres): every write request
   * pays two of these, and TypeORM's query runner around each costs more CPU than the statement.
   */
  private async query(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
    const pool = (this.dataSource.driver as unknown as { master?: { query?: unknown } }).master;
    if (pool && typeof pool.query === 'function') {
      const result = await (pool as { query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> }).query(
        sql,
        params,
      );
      return result.rows;
    }
    return this.dataSource.query(sql, params);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Req>();
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(SKIP_KEY, [context.getHandler(), context.getClass()])) return next.handle();
    const deferred = this.reflector.getAllAndOverride<boolean>(DEFERRED_KEY, [context.getHandler(), context.getClass()]) === true;
    return from(this.run(req, context.switchToHttp().getResponse<Res>(), next, deferred));
  }

  private async run(req: Req, res: Res, next: CallHandler, deferred: boolean): Promise<unknown> {
    const key = req.headers['idempotency-key'];
    if (!key || !/^[\w.:-]{8,128}$/.test(key)) {
      throw new IdempotencyError(
        'IDEMPOTENCY_KEY_REQUIRED',
        '写操作需要 Idempotency-Key 请求头 (8–128 characters: letters, digits, _ . : -)',
        'invalid',
        [
          {
            field: 'Idempotency-Key',
            reason: key ? 'must be 8–128 characters of letters, digits, _ . : -' : 'header is required for write requests',
          },
        ],
      );
    }
    const scope = req.user?.sub ? `user:${req.user.sub}` : `ip:${req.ip ?? 'unknown'}`;
    const hash = requestHash(req);
    if (deferred) return this.runClaimingInTransaction(scope, key, hash, res, next);
    const inserted = await this.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.length === 0) return this.answerRepeated(scope, key, hash, res);
    const served: IdempotentRequest = { scope, key, requestHash: hash, claimed: true, storedInTransaction: false };
    try {
      const result = await current.run(served, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      if (served.storedInTransaction) return result;
      await this.query(`UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2`, [
        scope,
        key,
        res.statusCode,
        JSON.stringify(this.sealer.seal(result ?? null)),
      ]);
      return result;
    } catch (err) {
      // A response already committed with its effect must stay: forgetting it would let a retry repeat the effect.
      if (served.storedInTransaction) throw err;
      await this.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]).catch(() => undefined);
      throw err;
    }
  }

  /** A key seen before: the stored answer, or why there is none. */
  private async answerRepeated(scope: string, key: string, hash: string, res: Res): Promise<unknown> {
    const [row] = await this.query(`SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
      scope,
      key,
    ]);
    if (row && row.request_hash !== hash) {
      throw new IdempotencyError(
        'IDEMPOTENCY_KEY_REUSED',
        '该 Idempotency-Key 已用于另一个请求 (key reused with a different request)',
        'unprocessable',
        [{ field: 'Idempotency-Key', reason: 'already used for a different request (method, path, query or body)' }],
      );
    }
    if (row && row.status_code !== null) {
      res.status(row.status_code as number);
      return this.sealer.open(row.response);
    }
    throw new IdempotencyError(
      'IDEMPOTENCY_IN_PROGRESS',
      '相同请求正在处理中，请稍后重试 (a request with this key is in progress)',
      'conflict',
    );
  }

  /** {@link ClaimInTransaction}: nothing is claimed up front; the handler claims with its effect. */
  private async runClaimingInTransaction(scope: string, key: string, hash: string, res: Res, next: CallHandler): Promise<unknown> {
    const served: IdempotentRequest = { scope, key, requestHash: hash, claimed: false, storedInTransaction: false };
    let result: unknown;
    try {
      result = await current.run(served, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (err) {
      if (err instanceof IdempotencyKeyTaken) return this.answerRepeated(scope, key, hash, res);
      throw err;
    }
    if (served.storedInTransaction) return result;
    const stored = await this.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash, res.statusCode, JSON.stringify(this.sealer.seal(result ?? null))],
    );
    // A request with the same key finished first: answer as it was answered.
    return stored.length ? result : this.answerRepeated(scope, key, hash, res);
  }
}
