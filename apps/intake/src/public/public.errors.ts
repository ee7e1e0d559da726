import { DomainError } from '@petition/service-kit';

/** Stable codes of the petitioner-facing endpoints. */
export enum PublicErrorCode {
  NotFound = 'PUBLIC_PETITION_NOT_FOUND',
  RateLimited = 'PUBLIC_RATE_LIMITED',
  EvaluationNotPossible = 'PUBLIC_EVALUATION_NOT_POSSIBLE',
  AppealNotPossible = 'PUBLIC_APPEAL_NOT_POSSIBLE',
  UploadNotPossible = 'PUBLIC_UPLOAD_NOT_POSSIBLE',
  WindowClosed = 'PUBLIC_REQUEST_WINDOW_CLOSED',
}

/** Unknown tracking number or wrong query code; the same answer for both, so neither can be probed. */
export class PublicPetitionNotFoundError extends DomainError {
  constructor() {
    super(
      PublicErrorCode.NotFound,
      '未找到该信访件，请核对受理编号和查询码 (no petition with this tracking number and query code)',
      'not_found',
      [{ field: 'queryCode', reason: 'tracking number and query code do not match a petition' }],
    );
  }
}

/** Too many lookups or online registrations from one address, or lookups of one tracking number. */
export class PublicRateLimitedError extends DomainError {
  constructor(
    scope: 'address' | 'trackingNo',
    /** Seconds until a retry can succeed; sent as `Retry-After`. */
    readonly retryAfterSeconds = 1,
    message = '查询过于频繁，请稍后再试 (too many requests)',
  ) {
    super(PublicErrorCode.RateLimited, message, 'too_many', [
      { field: scope, reason: `rate limit reached; retry after ${retryAfterSeconds} s` },
    ]);
  }
}

/** The matter is not at a point where the petitioner can evaluate a reply. */
export class EvaluationNotPossibleError extends DomainError {
  constructor(status: string) {
    super(PublicErrorCode.EvaluationNotPossible, `尚未答复，暂不能评价 (no delivered reply to evaluate; status ${status})`, 'conflict', [
      { field: 'trackingNo', reason: `the petition is ${status}; evaluation opens once the reply is delivered` },
    ]);
  }
}

/** The matter is not at a point where a review or re-examination can be requested. */
export class AppealNotPossibleError extends DomainError {
  constructor(kind: string, reason: string) {
    super(PublicErrorCode.AppealNotPossible, `当前不能申请${kind === 'review' ? '复查' : '复核'} (${reason})`, 'conflict', [
      { field: 'kind', reason },
    ]);
  }
}

/** The matter is over; nothing more can be attached to it. */
export class UploadNotPossibleError extends DomainError {
  constructor(status: string) {
    super(PublicErrorCode.UploadNotPossible, `该信访件已处理完毕，不能再补充材料 (the petition is ${status})`, 'conflict', [
      { field: 'trackingNo', reason: `the petition is ${status}` },
    ]);
  }
}

/** The period for this request has passed (复查/复核: 30 days, 条例 Arts. 35–36). */
export class RequestWindowClosedError extends DomainError {
  constructor(what: 'evaluation' | 'review' | 'reexamination', due: string) {
    const label = { evaluation: '评价', review: '复查申请', reexamination: '复核申请' }[what];
    super(PublicErrorCode.WindowClosed, `已超过${label}期限（截至 ${due}） (the window for this request has passed)`, 'unprocessable', [
      { field: what === 'evaluation' ? 'trackingNo' : 'kind', reason: `the window closed at ${due}` },
    ]);
  }
}
