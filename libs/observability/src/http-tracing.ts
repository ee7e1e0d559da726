import type { IncomingMessage, RequestOptions } from 'node:http';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';

/** What every query parameter's value becomes in a span. */
export const REDACTED = 'REDACTED';

/**
 * A query string with every value replaced by {@link REDACTED}, the names kept (`queryCode=REDACTED&fileName=REDACTED`).
 * Values, not a list of secret names: query strings here carry query codes, audit reasons and
 * cursors, and a parameter added tomorrow must not reach the trace store in clear by default.
 */
export function redactQuery(search: string): string {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out = new URLSearchParams();
  for (const name of params.keys()) if (!out.has(name)) out.append(name, REDACTED);
  return out.toString();
}

/** `path` (with its query) as spans may record it. */
export function redactPath(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : `${path.slice(0, q)}?${redactQuery(path.slice(q + 1))}`;
}

/**
 * The HTTP instrumentation as every service runs it. Span attributes that carry the URL
 * (`url.query` on server spans, `url.full` on client spans) are overridden by the start hooks with
 * every query value redacted, so a petitioner's query code — or anything else a caller puts in a
 * URL — is never recorded or exported; no request or response header is captured (the
 * instrumentation records headers only when told to, and `headersToSpanAttributes` is never set).
 */
export function httpInstrumentationConfig(): HttpInstrumentationConfig {
  return {
    ignoreIncomingRequestHook: (req) => req.url === '/health' || req.url === '/metrics',
    startIncomingSpanHook: (req: IncomingMessage) => {
      const q = (req.url ?? '').indexOf('?');
      return q < 0 ? {} : { 'url.query': redactQuery((req.url ?? '').slice(q + 1)) };
    },
    startOutgoingSpanHook: (options: RequestOptions) => {
      const path = options.path ?? '/';
      if (!path.includes('?')) return {};
      const protocol = options.protocol ?? 'http:';
      const host = options.host ?? options.hostname ?? 'localhost';
      const port = options.port && !String(host).includes(':') && !['80', '443'].includes(String(options.port)) ? `:${options.port}` : '';
      return { 'url.full': `${protocol}//${host}${port}${redactPath(path)}` };
    },
  };
}
