import { DomainError, type FieldReason } from '@petition/service-kit';

/** Stable codes of assessment errors. */
export enum AssessmentErrorCode {
  SchemeNotFound = 'ASSESSMENT_SCHEME_NOT_FOUND',
  PeriodNotClosed = 'ASSESSMENT_PERIOD_NOT_CLOSED',
  ChangedSincePublished = 'ASSESSMENT_CHANGED_SINCE_PUBLISHED',
  PeriodNotSettled = 'ASSESSMENT_PERIOD_NOT_SETTLED',
}

/** No such scheme (or no such version of it). */
export class SchemeNotFoundError extends DomainError {
  constructor(name: string, version?: number) {
    super(AssessmentErrorCode.SchemeNotFound, `考核方案不存在 (scheme ${name}${version ? ` v${version}` : ''} not found)`, 'not_found', [
      { field: version ? 'version' : 'scheme', reason: 'no such scheme version' },
    ]);
  }
}

/** A period is published only once it has ended (its deadlines have all passed). */
export class PeriodNotClosedError extends DomainError {
  constructor(period: string, end: string) {
    super(AssessmentErrorCode.PeriodNotClosed, `考核期 ${period} 尚未结束（${end}），不能发布 (the period ends at ${end})`, 'conflict', [
      { field: 'period', reason: `ends at ${end}` },
    ]);
  }
}

/**
 * The period has ended but the end of some review windows that ended in it is not recorded yet
 * (the deadline sweep records each within its interval): publishing now would freeze those
 * first-time claims as not resolved. Try again shortly.
 */
export class PeriodNotSettledError extends DomainError {
  constructor(period: string, windows: number) {
    super(
      AssessmentErrorCode.PeriodNotSettled,
      `考核期 ${period} 内有 ${windows} 件复查申请期限已届满但尚未记录，请稍后再发布 (${windows} review windows that ended in the period are not recorded yet; the deadline sweep records them shortly)`,
      'conflict',
      [{ field: 'period', reason: `${windows} review windows ended in the period are not recorded yet` }],
    );
  }
}

/** Publishing again recomputed a different result from the one frozen: events arrived since. */
export class ChangedSincePublishedError extends DomainError {
  constructor(period: string, details: FieldReason[]) {
    super(
      AssessmentErrorCode.ChangedSincePublished,
      `考核结果 ${period} 已发布，重新计算结果不同 (the recomputed result differs from the published one)`,
      'conflict',
      details,
    );
  }
}
