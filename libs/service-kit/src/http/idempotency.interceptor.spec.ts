import { createHash } from 'node:crypto';
import { Observable, of, lastValueFrom, throwError } from 'rxjs';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { IdempotencyInterceptor, IdempotencyKeyTaken, currentIdempotentRequest } from './idempotency.interceptor';

/** The idempotency_keys table in memory, behind a node-postgres-like pool (the statements the interceptor sends). */
function fakePool() {
  const rows = new Map<string, { request_hash: string; status_code: number | null; response: unknown }>();
  const query = async (sql: string, p: unknown[]) => {
    const id = `${p[0]}|${p[1]}`;
    if (sql.startsWith('INSERT')) {
      if (rows.has(id)) return { rows: [] };
      rows.set(id, {
        request_hash: p[2] as string,
        status_code: (p[3] as number | undefined) ?? null,
        response: p[4] ? JSON.parse(p[4] as string) : null,
      });
      return { rows: [{ key: p[1] }] };
    }
    if (sql.startsWith('SELECT')) return { rows: rows.has(id) ? [rows.get(id)] : [] };
    if (sql.startsWith('UPDATE')) {
      Object.assign(rows.get(id) ?? {}, { status_code: p[2], response: JSON.parse(p[3] as string) });
      return { rows: [] };
    }
    rows.delete(id);
    return { rows: [] };
  };
  return { rows, dataSource: { driver: { master: { query } } } as unknown as DataSource };
}

function call(
  interceptor: IdempotencyInterceptor,
  key: string | undefined,
  body: unknown,
  handler: () => Observable<unknown>,
  { path = '/api/things', sub = 'clerk-1' }: { path?: string; sub?: string } = {},
) {
  const res = {
    statusCode: 201,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
  };
  const req = {
    method: 'POST',
    path,
    originalUrl: path,
    headers: { 'idempotency-key': key },
    body,
    user: { sub },
  };
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    getHandler: () => undefined,
    getClass: () => undefined,
  } as unknown as ExecutionContext;
  return { res, result: lastValueFrom(interceptor.intercept(context, { handle: handler })) };
}

describe('IdempotencyInterceptor', () => {
  const reflector = { getAllAndOverride: () => false } as unknown as Reflector;

  it('refuses a write without a well-formed key', async () => {
    const { dataSource } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    await expect(call(i, undefined, {}, () => of(1)).result).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    await expect(call(i, 'bad key!', {}, () => of(1)).result).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  });

  it('runs the first request once and replays its response to a retry with the same body', async () => {
    const { dataSource } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    let runs = 0;
    const handler = () => of({ id: ++runs });
    expect(await call(i, 'key-00000001', { a: 1 }, handler).result).toEqual({ id: 1 });
    const retry = call(i, 'key-00000001', { a: 1 }, handler);
    expect(await retry.result).toEqual({ id: 1 });
    expect(retry.res.statusCode).toBe(201);
    expect(runs).toBe(1);
  });

  it('refuses the same key with a different body, and a key still in progress', async () => {
    const { dataSource, rows } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    await call(i, 'key-00000002', { a: 1 }, () => of(1)).result;
    await expect(call(i, 'key-00000002', { a: 2 }, () => of(1)).result).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    rows.set('user:clerk-1|key-00000003', {
      request_hash: createHash('sha256')
        .update('POST /api/things\n')
        .update(JSON.stringify({ a: 1 }))
        .digest('hex'),
      status_code: null,
      response: null,
    });
    await expect(call(i, 'key-00000003', { a: 1 }, () => of(1)).result).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
  });

  it('refuses the same key on another concrete path of the same route instead of replaying the first answer', async () => {
    const { dataSource } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    const accepted: string[] = [];
    const accept = (id: string) => () => {
      accepted.push(id);
      return of({ accepted: id });
    };
    expect(await call(i, 'key-00000010', null, accept('W1'), { path: '/api/work-items/W1/accept' }).result).toEqual({ accepted: 'W1' });
    await expect(call(i, 'key-00000010', null, accept('W2'), { path: '/api/work-items/W2/accept' }).result).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      kind: 'unprocessable',
    });
    await expect(call(i, 'key-00000010', null, accept('W1'), { path: '/api/work-items/W1/accept?x=1' }).result).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(accepted).toEqual(['W1']);
  });

  it('keeps each caller’s keys to that caller', async () => {
    const { dataSource } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    let runs = 0;
    const handler = () => of({ run: ++runs });
    expect(await call(i, 'key-00000011', { a: 1 }, handler, { sub: 'clerk-1' }).result).toEqual({ run: 1 });
    expect(await call(i, 'key-00000011', { a: 1 }, handler, { sub: 'clerk-2' }).result).toEqual({ run: 2 });
  });

  it('forgets a failed request so it can be retried', async () => {
    const { dataSource, rows } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    await expect(call(i, 'key-00000004', { a: 1 }, () => throwError(() => new Error('boom'))).result).rejects.toThrow('boom');
    expect(rows.size).toBe(0);
    expect(await call(i, 'key-00000004', { a: 1 }, () => of('ok')).result).toBe('ok');
  });

  it('skips its own write when the handler stored the response with its effect, and keeps it if a later step fails', async () => {
    const { dataSource, rows } = fakePool();
    const i = new IdempotencyInterceptor(dataSource, reflector);
    const storingHandler = (fail: boolean) => () =>
      new Observable<unknown>((sub) => {
        const served = currentIdempotentRequest();
        if (!served) throw new Error('no idempotent request in scope');
        // What a handler's transaction does: the claimed row gets the response with the effect.
        Object.assign(rows.get(`${served.scope}|${served.key}`) ?? {}, { status_code: 201, response: { stored: served.key } });
        served.storedInTransaction = true;
        if (fail) sub.error(new Error('after commit'));
        else {
          sub.next({ stored: served.key });
          sub.complete();
        }
      });
    expect(await call(i, 'key-00000005', { a: 1 }, storingHandler(false)).result).toEqual({ stored: 'key-00000005' });
    expect(rows.get('user:clerk-1|key-00000005')).toMatchObject({ status_code: 201, response: { stored: 'key-00000005' } });
    await expect(call(i, 'key-00000006', { a: 1 }, storingHandler(true)).result).rejects.toThrow('after commit');
    expect(rows.get('user:clerk-1|key-00000006')).toMatchObject({ status_code: 201 });
    expect(currentIdempotentRequest()).toBeUndefined();
  });

  it('under ClaimInTransaction claims nothing up front, stores what the handler did not, and answers a taken key with the stored answer', async () => {
    const { dataSource, rows } = fakePool();
    const deferred = { getAllAndOverride: (k: string) => k === 'petition:claimInTransaction' } as unknown as Reflector;
    const i = new IdempotencyInterceptor(dataSource, deferred);
    let seen: unknown;
    expect(
      await call(i, 'key-00000007', { a: 1 }, () => {
        seen = { ...currentIdempotentRequest() };
        return of({ done: 1 });
      }).result,
    ).toEqual({ done: 1 });
    expect(seen).toMatchObject({ claimed: false, key: 'key-00000007', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(rows.get('user:clerk-1|key-00000007')).toMatchObject({ status_code: 201, response: { done: 1 } });
    const replay = call(i, 'key-00000007', { a: 1 }, () => throwError(() => new IdempotencyKeyTaken('taken')));
    expect(await replay.result).toEqual({ done: 1 });
    await expect(call(i, 'key-00000007', { a: 2 }, () => throwError(() => new IdempotencyKeyTaken('taken'))).result).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });
});
