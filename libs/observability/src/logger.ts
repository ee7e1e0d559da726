import pino, { type Logger } from 'pino';
import { trace } from '@opentelemetry/api';

/**
 * The service logger: JSON lines with `trace_id`/`span_id` of the active span, and redaction of
 * anything that could carry petitioner PII or credentials, as a second line of defence behind
 * never logging it in the first place.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.idNumber', '*.phone', '*.address', '*.name', 'req.headers.authorization', 'authorization', '*.password', '*.queryCode'],
      censor: '[redacted]',
    },
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  });
}

export type { Logger };
