import { Injectable } from '@nestjs/common';
import { Topics, type TopicName } from '@petition/contracts';
import { EventSubscriber, subscriptionsOn, type SubscribesToEvents } from '@petition/messaging';
import { ReadModelsService } from './read-models.service';

/** Inbox scope of each topic's events; never rename once shipped (a rebuild reuses them). */
export const ANALYTICS_CONSUMERS = {
  [Topics.intake]: 'analytics-intake',
  [Topics.dispatch]: 'analytics-dispatch',
  [Topics.handling]: 'analytics-handling',
  [Topics.supervision]: 'analytics-supervision',
  [Topics.directory]: 'analytics-directory',
} as const;

/** Analytics follows every topic for the event types its read models use. */
@Injectable()
@EventSubscriber()
export class ReadModelsConsumer implements SubscribesToEvents {
  constructor(private readonly readModels: ReadModelsService) {}

  readonly subscriptions = subscriptionsOn((topic: TopicName) => ANALYTICS_CONSUMERS[topic], this.readModels.handlers);
}
