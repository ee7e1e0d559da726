import { Injectable } from '@nestjs/common';
import { REVIEW_APPROVED, REVIEW_RETURNED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { ApplyReviewUseCase } from './usecases/apply-review.usecase';

/** Handling's one consumer of `petition.supervision.v1`: result reviews of the lead's replies. */
@Injectable()
@EventSubscriber()
export class ReviewsConsumer implements SubscribesToEvents {
  constructor(private readonly applyReview: ApplyReviewUseCase) {}

  readonly subscriptions = [
    subscription('reviews', Topics.supervision, {
      [REVIEW_RETURNED]: (event, manager) => this.applyReview.returned(manager, event),
      [REVIEW_APPROVED]: (event, manager) => this.applyReview.approved(manager, event),
    }),
  ];
}
