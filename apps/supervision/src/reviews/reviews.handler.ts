import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PETITION_REPLIED, Topics, isEvent, type EventEnvelope } from '@petition/contracts';
import type { SupervisionEventHandler } from '../events/event-handler-registry';
import { ReviewsService } from './reviews.service';

/** Puts every reply handling publishes in the review queue. */
@Injectable()
export class ReviewsHandler implements SupervisionEventHandler {
  readonly name = 'reviews';
  readonly topics = [Topics.handling] as const;
  readonly types = [PETITION_REPLIED];

  constructor(private readonly reviews: ReviewsService) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (isEvent(event, PETITION_REPLIED)) await this.reviews.onReplied(manager, event);
  }
}
