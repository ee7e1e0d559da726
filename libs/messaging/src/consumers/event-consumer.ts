import { Controller, Inject, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import type { TopicName } from '@petition/contracts';
import { EventProcessor } from '../inbox/event-processor';
import { EventSubscriptions, dispatchEvent } from './event-subscriptions';

/**
 * Builds a service's one Kafka consumer: one `@EventPattern` per topic, each handing the message to
 * every subscription of that topic in turn, awaited. Nest chains a second `@EventPattern` of the
 * same topic without awaiting it, so the offset could be committed before it finished; with one
 * consumer per service that cannot happen (and `assertOneConsumerPerTopic` refuses to boot a
 * service where it could).
 */
export function createEventConsumer(topics: readonly TopicName[]): Type<unknown> {
  @Controller()
  class EventConsumer {
    constructor(
      @Inject(EventProcessor) private readonly processor: EventProcessor,
      @Inject(EventSubscriptions) private readonly subscriptions: EventSubscriptions,
    ) {}

    async consume(value: unknown, ctx: KafkaContext): Promise<void> {
      const m = ctx.getMessage();
      const message = { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers };
      for (const s of this.subscriptions.forTopic(message.topic)) {
        await this.processor.process(message, s.scope, (event, manager) => dispatchEvent(s, event, manager), {
          types: Object.keys(s.handlers),
        });
      }
    }
  }
  for (const topic of topics) {
    const name = `consume ${topic}`;
    Object.defineProperty(EventConsumer.prototype, name, {
      value(this: EventConsumer, value: unknown, ctx: KafkaContext): Promise<void> {
        return this.consume(value, ctx);
      },
      writable: true,
      configurable: true,
    });
    Payload()(EventConsumer.prototype, name, 0);
    Ctx()(EventConsumer.prototype, name, 1);
    EventPattern(topic)(
      EventConsumer.prototype,
      name,
      Object.getOwnPropertyDescriptor(EventConsumer.prototype, name) as PropertyDescriptor,
    );
  }
  return EventConsumer;
}
