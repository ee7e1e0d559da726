import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { EventTopics, type EventEnvelope, type EventType, type TopicName } from '@petition/contracts';
import { EVENT_SUBSCRIBER, type EventSubscription, type SubscribesToEvents, type TypedEventHandler } from './event-subscription';

/** Injection token of the topics a service's event consumer listens to. */
export const CONSUMED_TOPICS = Symbol('CONSUMED_TOPICS');

/** One row of "who consumes what": a service's scope acting on an event type of a topic. */
export interface ConsumedEventType {
  topic: TopicName;
  type: EventType;
  scope: string;
}

/**
 * Every event subscription of one service, found on its `@EventSubscriber()` providers at start-up
 * and checked there: each subscription is on a topic the service consumes, each consumed topic has a
 * subscription, a scope appears once per topic, and each subscription handles at least one type.
 * A wrong wiring stops the service at boot instead of losing events at run time.
 */
@Injectable()
export class EventSubscriptions implements OnModuleInit {
  private readonly byTopic = new Map<string, EventSubscription[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(CONSUMED_TOPICS) private readonly topics: readonly TopicName[],
  ) {}

  onModuleInit(): void {
    const instances = new Set<SubscribesToEvents>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.metatype && wrapper.instance && Reflect.getMetadata(EVENT_SUBSCRIBER, wrapper.metatype))
        instances.add(wrapper.instance as SubscribesToEvents);
    }
    this.register([...instances].flatMap((s) => s.subscriptions));
  }

  /** Adds and checks subscriptions; throws naming every wiring problem at once. */
  register(subscriptions: readonly EventSubscription[]): void {
    const problems: string[] = [];
    for (const s of subscriptions) {
      const list = this.byTopic.get(s.topic) ?? [];
      if (!this.topics.includes(s.topic))
        problems.push(
          `scope "${s.scope}" subscribes to ${s.topic}, which this service does not consume (add it to EventConsumerModule.forTopics)`,
        );
      if (list.some((x) => x.scope === s.scope)) problems.push(`scope "${s.scope}" subscribes to ${s.topic} twice`);
      if (Object.keys(s.handlers).length === 0) problems.push(`scope "${s.scope}" on ${s.topic} handles no event type`);
      for (const type of Object.keys(s.handlers)) {
        const home = EventTopics[type as EventType];
        if (home !== s.topic)
          problems.push(`scope "${s.scope}" handles ${type} on ${s.topic}, but ${type} travels on ${home ?? 'no known topic'}`);
      }
      list.push(s);
      this.byTopic.set(s.topic, list);
    }
    for (const topic of this.topics)
      if (!this.byTopic.get(topic)?.length) problems.push(`this service consumes ${topic} but nothing subscribes to it`);
    if (problems.length) throw new Error(`event subscriptions are wired wrong:\n  - ${problems.join('\n  - ')}`);
  }

  /** The subscriptions of `topic`, in the order their modules were loaded. */
  forTopic(topic: string): readonly EventSubscription[] {
    return this.byTopic.get(topic) ?? [];
  }

  /** Who consumes which event type, sorted by topic, type and scope (for the generated table in docs/). */
  consumedTypes(): ConsumedEventType[] {
    const rows = [...this.byTopic.values()]
      .flat()
      .flatMap((s) =>
        (Object.keys(s.handlers) as EventType[]).map((type): ConsumedEventType => ({ topic: s.topic, type, scope: s.scope })),
      );
    return rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.type.localeCompare(b.type) || a.scope.localeCompare(b.scope));
  }
}

/** Runs the handler of the event's type (the event processor only calls it for a handled type). */
export function dispatchEvent(subscription: EventSubscription, event: EventEnvelope, manager: EntityManager): Promise<void> {
  const handler = subscription.handlers[event.type as EventType] as TypedEventHandler<EventType> | undefined;
  if (!handler) throw new Error(`scope "${subscription.scope}" has no handler for ${event.type}`);
  return handler(event as never, manager);
}
