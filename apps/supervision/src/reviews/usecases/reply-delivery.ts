import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPLY_DELIVERED, toOffsetIso, type ReplyDeliveredPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import type { MatterEntity } from '../../matters/entities/matter.entity';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MattersRepository } from '../../matters/matters.repository';
import type { ReviewEntity } from '../entities/review.entity';
import { ReviewsRepository } from '../reviews.repository';

/**
 * Records that an approved reply reached the petitioner (反馈): the callback and the review window
 * (`callback`, `review_request`) start at that instant, and the matter now has a delivered round
 * that evaluations and appeals refer to. Runs inside the caller's transaction, matter locked.
 */
@Injectable()
export class ReplyDelivery {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
  ) {}

  async deliver(m: EntityManager, matter: MatterEntity, review: ReviewEntity, at: Date, by: string, now: Date): Promise<void> {
    const callbackDeadline = this.deadlines.ref('callback', at);
    const reviewRequestDeadline = this.deadlines.ref('review_request', at);
    Object.assign(review, { deliveredAt: at, deliveredBy: by, callbackDeadline, reviewRequestDeadline });
    await this.reviews.save(m, review);
    Object.assign(matter, {
      leadUnitId: review.unitId,
      deliveredReviewId: review.id,
      deliveredReplyId: review.replyId,
      deliveredRound: review.round,
      deliveredAt: at,
      reviewRequestDue: new Date(reviewRequestDeadline.due),
      reviewWindowEndedAt: null,
      updatedAt: now,
    });
    await this.matters.save(m, matter);
    const payload: ReplyDeliveredPayload = {
      replyId: review.replyId,
      petitionId: review.petitionId,
      unitId: review.unitId,
      round: review.round,
      callbackDeadline,
      reviewRequestDeadline,
      deliveredAt: toOffsetIso(at),
    };
    await this.events.publish(m, now, { type: REPLY_DELIVERED, petitionId: review.petitionId, payload });
  }
}
