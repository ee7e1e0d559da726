// One typed client per service (openapi-fetch over the types generated from the services' OpenAPI
// snapshots, `npm run console:api`). The browser calls the gateway on its own origin with the
// service's prefix, which the gateway strips: `api.intake.POST('/api/petitions')` → `/intake/api/petitions`.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths as AnalyticsPaths } from './generated/analytics';
import type { paths as DispatchPaths } from './generated/dispatch';
import type { paths as HandlingPaths } from './generated/handling';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as SupervisionPaths } from './generated/supervision';
import { newIdempotencyKey } from './idempotency';

export const SERVICES = ['intake', 'dispatch', 'handling', 'supervision', 'analytics'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** What the API layer needs from the signed-in session. */
export interface ApiSession {
  /** The bearer token, or null when nobody is signed in. */
  token(): string | null;
  /** Any API answered 401: the token expired or was refused. */
  onUnauthorized(): void;
}

let session: ApiSession = { token: () => null, onUnauthorized: () => undefined };

/** Binds the clients to the session (the auth layer calls this once, before anything renders). */
export function connectApi(next: ApiSession): void {
  session = next;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Adds the bearer token to every call, and an Idempotency-Key to every write that has none (a
 * form that may be submitted again passes its own key, kept for that submission); reports a 401.
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (WRITES.has(request.method) && !request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', newIdempotencyKey());
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.onUnauthorized();
    return response;
  },
};

/** The gateway's prefix for a service, on the page's own origin. */
export function serviceBaseUrl(service: ServiceName): string {
  // Absolute, because openapi-fetch builds a Request, which needs one outside a browser (tests).
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return `${origin}/${service}`;
}

function serviceClient<Paths extends object>(service: ServiceName): Client<Paths> {
  // `fetch` is looked up at call time, so tests can stub the global.
  const client = createClient<Paths>({ baseUrl: serviceBaseUrl(service), fetch: (request) => globalThis.fetch(request) });
  client.use(sessionMiddleware);
  return client;
}

export const api = {
  intake: serviceClient<IntakePaths>('intake'),
  dispatch: serviceClient<DispatchPaths>('dispatch'),
  handling: serviceClient<HandlingPaths>('handling'),
  supervision: serviceClient<SupervisionPaths>('supervision'),
  analytics: serviceClient<AnalyticsPaths>('analytics'),
};

/**
 * The data of a call, or an ApiError: `const view = await unwrap(api.intake.GET('/api/petitions/{id}', …))`.
 * Error bodies become `ApiError` with `code`, `message` and `fieldErrors`; no answer at all is `NETWORK_ERROR`.
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!result.response.ok || result.error !== undefined) throw ApiError.fromResponse(result.response.status, result.error);
  return result.data as T;
}

/** Every item of a keyset-paged list (`?limit=&cursor=` → `{ items, nextCursor }`), page by page. */
export async function fetchAllPages<Item>(
  page: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const next = await page(cursor);
    all.push(...next.items);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  return all;
}
