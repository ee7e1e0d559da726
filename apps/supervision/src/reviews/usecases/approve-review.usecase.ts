import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { REVIEW_APPROVED, toOffsetIso, type ReviewApprovedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MattersRepository } from '../../matters/matters.repository';
import type { ApproveReviewDto } from '../dto/review-decision.dto';
import { ReviewView } from '../dto/review.view';
import { ReviewAlreadyDecidedError } from '../reviews.errors';
import { ReviewsRepository } from '../reviews.repository';
import { withLockedReview } from './locked-review';
import { ReplyDelivery } from './reply-delivery';

/**
 * Approves a reply (审核通过): `review.approved` with the `reply_delivery` deadline from now, and
 * for online delivery the reply reaches the petitioner at once (`reply.delivered` too).
 */
@Injectable()
export class ApproveReviewUseCase {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
    private readonly delivery: ReplyDelivery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(user: StaffUser, id: string, input: ApproveReviewDto): Promise<ReviewView> {
    const now = this.clock.now();
    return withLockedReview(this.reviews, this.matters, id, now, async (m, matter, review) => {
      if (review.status !== 'pending') throw new ReviewAlreadyDecidedError(review.status);
      // Quality pass rate: approved at the first review = no earlier round of this matter was returned.
      const firstReview = !(await this.reviews.ofPetition(m, review.petitionId)).some((r) => r.status === 'returned');
      const deliveryDeadline = this.deadlines.ref('reply_delivery', now);
      Object.assign(review, {
        status: 'approved',
        decidedBy: user.sub,
        decidedAt: now,
        comment: input.comment || null,
        firstReview,
        deliveryMethod: input.delivery,
        deliveryDeadline,
      });
      await this.reviews.save(m, review);
      const payload: ReviewApprovedPayload = {
        reviewId: review.id,
        replyId: review.replyId,
        workItemId: review.workItemId,
        petitionId: review.petitionId,
        unitId: review.unitId,
        round: review.round,
        firstReview,
        deliveryDeadline,
        decidedAt: toOffsetIso(now),
      };
      await this.events.publish(m, now, { type: REVIEW_APPROVED, petitionId: review.petitionId, payload });
      if (input.delivery === 'online') await this.delivery.deliver(m, matter, review, now, user.sub, now);
      return ReviewView.from(review);
    });
  }
}
