import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { TopicName } from '@petition/contracts';
import { createEventConsumer } from './event-consumer';
import { CONSUMED_TOPICS, EventSubscriptions } from './event-subscriptions';

/**
 * The one way a service consumes events: it names the topics here, once, and its feature modules
 * provide `@EventSubscriber()` classes with handlers keyed by event type. The module builds the
 * single consumer, finds the subscribers, and checks the wiring at boot.
 */
@Module({})
export class EventConsumerModule {
  static forTopics(topics: readonly TopicName[]): DynamicModule {
    return {
      module: EventConsumerModule,
      imports: [DiscoveryModule],
      providers: [{ provide: CONSUMED_TOPICS, useValue: topics }, EventSubscriptions],
      controllers: [createEventConsumer(topics)],
      exports: [EventSubscriptions],
    };
  }
}
