// A stand-in for the gateway in component tests: `fetch` answered from a table of routes, every
// request recorded (method, path, headers, parsed body).
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export type Routes = Record<string, (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>>;

/** Stubs `fetch`; routes are keyed `METHOD /path` (`POST /intake/api/petitions`). Unknown routes answer 404. */
export function fakeApi(routes: Routes): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(recorded);
    const handler = routes[`${request.method} ${url.pathname}`];
    const answer = handler
      ? await handler(recorded)
      : { status: 404, body: { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '没有这个接口', details: [] } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return requests;
}

export const json = (body: unknown, status = 200): FakeResponse => ({ status, body });

/** A few of the demo city's regions and categories, as dispatch's directory lists them. */
export const REFERENCE_ROUTES: Routes = {
  'GET /dispatch/api/regions': () =>
    json({
      items: [
        { code: '440100', name: '广州市', level: 'city', parentCode: null, active: true },
        { code: '440106', name: '天河区', level: 'district', parentCode: '440100', active: true },
        { code: '440106001', name: '五山街道', level: 'street', parentCode: '440106', active: true },
      ],
      nextCursor: null,
    }),
  'GET /dispatch/api/categories': () =>
    json({
      items: [
        { code: 'URBAN', name: '城乡建设', parentCode: null, active: true },
        { code: 'URBAN.DRAINAGE', name: '城市排水', parentCode: 'URBAN', active: true },
      ],
      nextCursor: null,
    }),
};

/** A registration as intake answers it. */
export function registrationView(overrides: Record<string, unknown> = {}) {
  return {
    id: '7f1c2f9e-2c7e-4d7e-9d38-0d7c9a1e5b11',
    trackingNo: '440106-20261123-000001',
    channel: 'visit',
    source: 'staff',
    nature: 'claim',
    status: 'dispatched',
    title: '小区门口道路长期积水',
    content: '每逢下雨积水严重，请求疏通。',
    categoryCode: 'URBAN.DRAINAGE',
    regionCode: '440106001',
    anonymous: false,
    petitionerNameMasked: '张*',
    petitionerIdMasked: null,
    petitionerPhoneMasked: null,
    representatives: [],
    headcount: 1,
    emergency: false,
    emergencySignals: [],
    accusedUnitId: null,
    triage: null,
    answer: null,
    writtenNotice: null,
    registeredAt: '2026-11-23T01:05:00.000Z',
    receivedAt: '2026-11-23T01:05:00.000Z',
    queryCode: 'K7M2Q9XP',
    ...overrides,
  };
}
