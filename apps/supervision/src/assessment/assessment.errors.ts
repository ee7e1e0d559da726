import { DomainError, type FieldReason } from '@petition/service-kit';

/** Stable codes of assessment errors. */
export enum AssessmentErrorCode {
  SchemeNotFound = 'ASSESSMENT_SCHEME_NOT_FOUND',
  PeriodNotClosed = 'ASSESSMENT_PERIOD_NOT_CLOSED',
  ChangedSincePublished = 'ASSESSMENT_CHANGED_SINCE_PUBLISHED',
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
    super(AssessmentErrorCode.PeriodNotClosed, `考核期 ${period} 尚未结束（${end}），不能发布 (the period ends at ${end})`, 'conflict', [{ field: 'period', reason: `ends at ${end}` }]);
  }
}

/** Publishing again recomputed a different result from the one frozen: events arrived since. */
export class ChangedSincePublishedError extends DomainError {
  constructor(period: string, details: FieldReason[]) {
    super(AssessmentErrorCode.ChangedSincePublished, `考核结果 ${period} 已发布，重新计算结果不同 (the recomputed result differs from the published one)`, 'conflict', details);
  }
}
