import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { toOffsetIso } from '@petition/contracts';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import { MattersRepository } from '../../matters/matters.repository';
import type { RecordDeliveryDto } from '../dto/review-decision.dto';
import { ReviewView } from '../dto/review.view';
import { ReplyAlreadyDeliveredError, ReviewNotApprovedError } from '../reviews.errors';
import { ReviewsRepository } from '../reviews.repository';
import { withLockedReview } from './locked-review';
import { ReplyDelivery } from './reply-delivery';

/** Records when a reply sent by post or handed over in person reached the petitioner. */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly matters: MattersRepository,
    private readonly delivery: ReplyDelivery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(user: StaffUser, id: string, input: RecordDeliveryDto): Promise<ReviewView> {
    const now = this.clock.now();
    const at = new Date(input.deliveredAt);
    if (at.getTime() > now.getTime())
      throw new ValidationFailedError([{ field: 'deliveredAt', reason: `must not be in the future (now ${toOffsetIso(now)})` }]);
    return withLockedReview(this.reviews, this.matters, id, now, async (m, matter, review) => {
      if (review.deliveredAt) throw new ReplyAlreadyDeliveredError(toOffsetIso(review.deliveredAt));
      if (review.status !== 'approved') throw new ReviewNotApprovedError(review.status);
      if (review.decidedAt && at.getTime() < review.decidedAt.getTime()) {
        throw new ValidationFailedError([
          { field: 'deliveredAt', reason: `must not be before the approval (${toOffsetIso(review.decidedAt)})` },
        ]);
      }
      await this.delivery.deliver(m, matter, review, at, user.sub, now);
      return ReviewView.from(review);
    });
  }
}
