import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json } from '../test/fake-api';
import { api, connectApi, fetchAllPages, unwrap } from './client';
import { ApiError } from './errors';

describe('the typed API client', () => {
  const onUnauthorized = vi.fn();
  afterEach(() => {
    onUnauthorized.mockReset();
    connectApi({ token: () => null, onUnauthorized: () => undefined });
  });

  it('calls the service through the gateway prefix with the bearer token; writes carry an Idempotency-Key', async () => {
    connectApi({ token: () => 'tok-1', onUnauthorized });
    const requests = fakeApi({
      'GET /dispatch/api/units': () => json({ items: [], nextCursor: null }),
      'POST /handling/api/work-items/w1/accept': () => json({ status: 'accepted' }),
    });
    await unwrap(api.dispatch.GET('/api/units', { params: { query: { limit: 10 } } }));
    await unwrap(
      api.handling.POST('/api/work-items/{id}/accept', { params: { path: { id: 'w1' }, header: { 'Idempotency-Key': 'k-1' } } }),
    );

    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /dispatch/api/units', 'POST /handling/api/work-items/w1/accept']);
    expect(requests[0].query.get('limit')).toBe('10');
    expect(requests.every((r) => r.headers.get('Authorization') === 'Bearer tok-1')).toBe(true);
    expect(requests[0].headers.has('Idempotency-Key')).toBe(false);
    expect(requests[1].headers.get('Idempotency-Key')).toBe('k-1');
  });

  it('adds a fresh Idempotency-Key to a write that has none', async () => {
    const requests = fakeApi({ 'POST /intake/api/petitions/preview': () => json({ warnings: [] }) });
    // The preview takes no key; the client adds one to every write all the same (harmless where unused).
    await unwrap(
      api.intake.POST('/api/petitions/preview', {
        body: { channel: 'visit', title: 't', content: 'c', categoryCode: 'A', regionCode: '1', petitionerName: 'x' },
      }),
    );
    expect(requests[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests[0].headers.has('Authorization')).toBe(false);
  });

  it('turns an error body into an ApiError with code, message and reasons by field', async () => {
    fakeApi({
      'POST /intake/api/petitions': () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: '输入有误 (validation failed)',
            details: [
              { field: 'title', reason: 'title must be longer than or equal to 2 characters' },
              { field: 'title', reason: 'title must be valid UTF-8 text without control characters' },
              { field: 'representatives.0.name', reason: 'name should not be empty' },
            ],
            traceId: 'abc',
          },
          400,
        ),
    });
    const error = await unwrap(
      api.intake.POST('/api/petitions', {
        body: { channel: 'visit', title: 'x', content: 'c', categoryCode: 'A', regionCode: '1', petitionerName: 'x' },
        params: { header: { 'Idempotency-Key': 'k' } },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '输入有误 (validation failed)',
      traceId: 'abc',
      fieldErrors: {
        title: ['title must be longer than or equal to 2 characters', 'title must be valid UTF-8 text without control characters'],
        'representatives.0.name': ['name should not be empty'],
      },
    });
  });

  it('gives a readable error for a body that is not the API’s, and for no answer at all', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    await expect(unwrap(api.analytics.GET('/health'))).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      message: '服务暂时不可用，请稍后重试',
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(unwrap(api.analytics.GET('/health'))).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('reports a 401 to the session', async () => {
    connectApi({ token: () => 'expired', onUnauthorized });
    fakeApi({
      'GET /supervision/api/reviews': () => json({ statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期', details: [] }, 401),
    });
    await expect(unwrap(api.supervision.GET('/api/reviews', {}))).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reads every page of a keyset list', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'c2' },
      c2: { items: [3], nextCursor: null },
    };
    expect(await fetchAllPages(async (cursor) => pages[cursor ?? 'start'])).toEqual([1, 2, 3]);
  });
});
