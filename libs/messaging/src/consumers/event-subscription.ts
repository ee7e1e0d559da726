import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { topicOf, type EventEnvelope, type EventType, type PayloadOf, type TopicName } from '@petition/contracts';

/** Applies one event of type `T`, inside the transaction that also records it in the inbox. */
export type TypedEventHandler<T extends EventType> = (event: EventEnvelope<PayloadOf<T>, T>, manager: EntityManager) => Promise<void>;

/**
 * Handlers keyed by the contracts' event types. The keys are the types a subscription acts on —
 * named once — and each handler receives its event already narrowed to that type's payload.
 */
export type EventHandlers = { readonly [T in EventType]?: TypedEventHandler<T> };

/**
 * What one inbox scope does with one topic. Events of the topic whose type has no handler are still
 * validated (a malformed one goes to the dead-letter topic) and are acknowledged without opening a
 * transaction or writing an inbox row.
 */
export interface EventSubscription {
  /**
   * Inbox scope: each event is applied once per scope. Never rename a scope that has shipped: the
   * events already applied would be applied again.
   */
  readonly scope: string;
  readonly topic: TopicName;
  readonly handlers: EventHandlers;
}

/** A provider whose subscriptions the service's event consumer runs (see {@link EventSubscriber}). */
export interface SubscribesToEvents {
  readonly subscriptions: readonly EventSubscription[];
}

/** Metadata key that marks a provider as an event subscriber. */
export const EVENT_SUBSCRIBER = 'petition:event-subscriber';

/**
 * Marks a provider (implementing {@link SubscribesToEvents}) whose subscriptions the service's one
 * event consumer (`EventConsumerModule`) runs. Feature modules only provide it; nothing registers it
 * by hand.
 */
export const EventSubscriber = (): ClassDecorator => SetMetadata(EVENT_SUBSCRIBER, true);

/** One scope on one topic. */
export function subscription(scope: string, topic: TopicName, handlers: EventHandlers): EventSubscription {
  return { scope, topic, handlers };
}

/**
 * One handler map over every topic its types travel on (the contracts' `EventTopics`): one
 * subscription per topic, each with the handlers of that topic's types, under one scope (an event
 * id is unique across topics) or a scope per topic.
 */
export function subscriptionsOn(scope: string | ((topic: TopicName) => string), handlers: EventHandlers): EventSubscription[] {
  const byTopic = new Map<TopicName, Record<string, unknown>>();
  for (const [type, handler] of Object.entries(handlers)) {
    const topic = topicOf(type as EventType);
    byTopic.set(topic, { ...byTopic.get(topic), [type]: handler });
  }
  return [...byTopic].map(([topic, h]) => ({
    scope: typeof scope === 'string' ? scope : scope(topic),
    topic,
    handlers: h as EventHandlers,
  }));
}

/** The same handler for each of `types` (a handler that folds many event types into one model). */
export function handleEach(
  types: readonly EventType[],
  handler: (event: EventEnvelope, manager: EntityManager) => Promise<void>,
): EventHandlers {
  return Object.fromEntries(types.map((type) => [type, handler])) as EventHandlers;
}
