import { DomainError } from '@petition/service-kit';
import type { ReviewStatus } from './entities/review.entity';

/** Stable codes of result review errors. */
export enum ReviewErrorCode {
  NotFound = 'REVIEW_NOT_FOUND',
  AlreadyDecided = 'REVIEW_ALREADY_DECIDED',
  NotApproved = 'REVIEW_NOT_APPROVED',
  AlreadyDelivered = 'REPLY_ALREADY_DELIVERED',
}

/** No such review. */
export class ReviewNotFoundError extends DomainError {
  constructor(id: string) {
    super(ReviewErrorCode.NotFound, `审核记录不存在 (review ${id} not found)`, 'not_found');
  }
}

/** A review is decided once; a superseded one (a newer round arrived) cannot be decided at all. */
export class ReviewAlreadyDecidedError extends DomainError {
  constructor(status: ReviewStatus) {
    const text = status === 'approved' ? '已审核通过' : status === 'returned' ? '已退回重办' : '已被新一轮答复取代';
    super(ReviewErrorCode.AlreadyDecided, `该答复${text} (review already ${status})`, 'conflict');
  }
}

/** Delivery is recorded only for an approved reply. */
export class ReviewNotApprovedError extends DomainError {
  constructor(status: ReviewStatus) {
    super(ReviewErrorCode.NotApproved, `答复未审核通过，不能送达 (review is ${status})`, 'conflict');
  }
}

/** The reply was already delivered (online replies are delivered when approved). */
export class ReplyAlreadyDeliveredError extends DomainError {
  constructor(at: string) {
    super(ReviewErrorCode.AlreadyDelivered, `答复已于 ${at} 送达 (already delivered)`, 'conflict');
  }
}
