import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { REVIEW_RETURNED, toOffsetIso, type ReviewReturnedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MattersRepository } from '../../matters/matters.repository';
import type { ReturnReviewDto } from '../dto/review-decision.dto';
import { ReviewView } from '../dto/review.view';
import { ReviewAlreadyDecidedError } from '../reviews.errors';
import { ReviewsRepository } from '../reviews.repository';
import { withLockedReview } from './locked-review';

/**
 * Returns a reply for rework (退回重办) with the reason. docs/rules.md has no rework stage, so the new
 * deadline is the fast-track handling period (`handling_fast`, 10 working days) from now, fixed by
 * libs/deadlines like every other; handling reopens the work item from `review.returned`.
 */
@Injectable()
export class ReturnReviewUseCase {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(user: StaffUser, id: string, input: ReturnReviewDto): Promise<ReviewView> {
    const now = this.clock.now();
    return withLockedReview(this.reviews, this.matters, id, now, async (m, _matter, review) => {
      if (review.status !== 'pending') throw new ReviewAlreadyDecidedError(review.status);
      const reworkDeadline = this.deadlines.ref('handling_fast', now);
      Object.assign(review, {
        status: 'returned',
        decidedBy: user.sub,
        decidedAt: now,
        returnReason: input.reason,
        firstReview: false,
        reworkDeadline,
      });
      await this.reviews.save(m, review);
      const payload: ReviewReturnedPayload = {
        reviewId: review.id,
        replyId: review.replyId,
        workItemId: review.workItemId,
        petitionId: review.petitionId,
        unitId: review.unitId,
        round: review.round,
        reason: input.reason,
        reworkDeadline,
        decidedAt: toOffsetIso(now),
      };
      await this.events.publish(m, now, { type: REVIEW_RETURNED, petitionId: review.petitionId, payload });
      return ReviewView.from(review);
    });
  }
}
