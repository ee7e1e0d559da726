import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { AuthError, AuthErrorCode } from '@petition/auth';
import type { ApiErrorBody } from '@petition/contracts';
import { DomainError, type DomainErrorKind } from '../domain-error';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  // A dependency failed: neither the caller's fault nor an internal error of this service.
  unavailable: HttpStatus.BAD_GATEWAY,
};

/** Codes for errors raised by the HTTP layer itself (body parser, router). */
const HTTP_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式有误 (malformed request)'],
  404: ['ROUTE_NOT_FOUND', '没有这个接口 (no such endpoint)'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法 (method not allowed)'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大 (payload too large)'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型 (unsupported media type)'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试 (too many requests)'],
};

/**
 * The one place errors become HTTP responses: `{ statusCode, code, message, details, traceId }`.
 * Domain and auth errors keep their codes; body-parser failures (bad JSON, invalid UTF-8,
 * oversize bodies) become 4xx; anything unexpected is logged with its stack and answered 500
 * without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void }; headersSent?: boolean }>();
    const body = this.toBody(exception);
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    if (traceId) body.traceId = traceId;
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: STATUS_BY_KIND[exception.kind], code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof AuthError) {
      const statusCode = exception.code === AuthErrorCode.Forbidden ? 403 : 401;
      return { statusCode, code: exception.code, message: exception.message, details: [] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [code, message] = HTTP_CODES[status] ?? [`HTTP_${status}`, exception.message];
      const details = status === 400 ? [{ field: 'body', reason: exception.message }] : [];
      return { statusCode: status, code, message, details };
    }
    const parserStatus = (exception as { status?: number; type?: string })?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const [code, message] = HTTP_CODES[parserStatus] ?? [`HTTP_${parserStatus}`, 'request rejected'];
      return { statusCode: parserStatus, code, message, details: [{ field: 'body', reason: (exception as Error).message }] };
    }
    this.logger.error({ err: exception }, 'unhandled error');
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误 (internal error)', details: [] };
  }
}
