// Every service answers an error as `{ statusCode, code, message, details: [{ field, reason }], traceId? }`
// (libs/service-kit's ApiExceptionFilter). The console turns it into one ApiError.

/** One field's reason, as the API sends it. */
export interface ErrorDetail {
  field: string;
  reason: string;
}

/** A failed API call: the API's stable code and readable message, and its reasons by field path. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The HTTP status; 0 when the service could not be reached at all. */
    readonly status: number,
    /** The stable code (`VALIDATION_FAILED`, `PETITION_NOT_FOUND`…), or `HTTP_<status>` / `NETWORK_ERROR`. */
    readonly code: string,
    message: string,
    /** Reasons by dotted field path (`letter.receivedDate`, `representatives.0.name`). */
    readonly fieldErrors: Record<string, string[]> = {},
    readonly traceId?: string,
  ) {
    super(message);
  }

  /** An error from a response's status and parsed body (JSON object, text, or nothing). */
  static fromResponse(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const fieldErrors: Record<string, string[]> = {};
      for (const d of body.details ?? []) {
        if (d && typeof d.field === 'string' && typeof d.reason === 'string') (fieldErrors[d.field] ??= []).push(d.reason);
      }
      return new ApiError(status, body.code, body.message || fallbackMessage(status), fieldErrors, body.traceId);
    }
    return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
  }

  /** The request never got an answer (service or gateway down, network lost). */
  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
    (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

interface ErrorBody {
  code: string;
  message: string;
  details?: ErrorDetail[];
  traceId?: string;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ErrorBody).code === 'string';
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '未找到';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后重试';
  return `请求失败（${status}）`;
}
