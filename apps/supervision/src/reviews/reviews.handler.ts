import { Injectable } from '@nestjs/common';
import { PETITION_REPLIED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { ReviewsService } from './reviews.service';

/** Puts every reply handling publishes in the review queue. */
@Injectable()
@EventSubscriber()
export class ReviewsHandler implements SubscribesToEvents {
  constructor(private readonly reviews: ReviewsService) {}

  readonly subscriptions = [
    subscription('reviews', Topics.handling, {
      [PETITION_REPLIED]: (event, manager) => this.reviews.onReplied(manager, event),
    }),
  ];
}
