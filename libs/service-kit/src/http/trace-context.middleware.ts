import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { contextFromHeaders } from '@petition/messaging';

interface Req {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  route?: { path?: string };
}
interface Res {
  statusCode: number;
  once(event: 'finish' | 'close', fn: () => void): void;
}

/**
 * Continues the caller's W3C trace for a request when no HTTP instrumentation has already done
 * so. In production the OpenTelemetry http instrumentation owns the server span and this is a
 * no-op; where module patching cannot work (inside Jest's module system, bundled builds) it still
 * gives every request a server span, so the outbox carries the request's trace onward.
 */
export function traceContextMiddleware(req: Req, res: Res, next: () => void): void {
  if (trace.getActiveSpan() || req.path === '/health' || req.path === '/metrics') return next();
  const parent = contextFromHeaders(req.headers);
  const span = trace
    .getTracer('petition-http')
    .startSpan(
      `${req.method} ${req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
      parent,
    );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    if (req.route?.path) span.updateName(`${req.method} ${req.route.path}`);
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), next);
}
