import { context, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

// An explicit propagator (not the global one) so trace context crosses Kafka even where no
// OpenTelemetry SDK was started, e.g. inside Jest.
const propagator = new W3CTraceContextPropagator();
const tracer = () => trace.getTracer('petition-messaging');

const setter = { set: (carrier: Record<string, string>, key: string, value: string) => (carrier[key] = value) };
const getter = {
  get: (carrier: Record<string, unknown>, key: string) => {
    const v = carrier[key];
    if (v === undefined || v === null) return undefined;
    return Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  },
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
};

/** W3C trace headers of the active context (empty when no span is active). */
export function currentTraceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, setter);
  return carrier;
}

/** The context described by W3C trace headers (Buffers or strings, as kafkajs or Nest hand them over). */
export function contextFromHeaders(headers: Record<string, unknown> | undefined): Context {
  return propagator.extract(context.active(), headers ?? {}, getter);
}

/** Starts a producer span for one outbox message as a child of the context it was recorded in. */
export function startPublishSpan(
  topic: string,
  eventType: string,
  stored: Record<string, string>,
): { span: Span; headers: Record<string, string> } {
  const parent = propagator.extract(context.active(), stored, getter);
  const span = tracer().startSpan(
    `${topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.operation.type': 'publish',
        'petition.event_type': eventType,
      },
    },
    parent,
  );
  return { span, headers: currentTraceHeaders(trace.setSpan(parent, span)) };
}

/** Runs `fn` inside a consumer span continuing the trace found in the message headers. */
export async function withProcessSpan<T>(
  topic: string,
  group: string,
  headers: Record<string, unknown> | undefined,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextFromHeaders(headers);
  return tracer().startActiveSpan(
    `${topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': group,
        'messaging.operation.type': 'process',
      },
    },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
