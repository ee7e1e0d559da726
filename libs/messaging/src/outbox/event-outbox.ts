import type { EntityManager } from 'typeorm';
import { createEnvelope, topicOf, type EventEnvelope, type EventType, type PayloadOf } from '@petition/contracts';
import type { OutboxRecord, OutboxWriter } from './outbox-writer';

/** One event a service publishes, typed by its contract. */
export interface OutgoingEvent<T extends EventType> {
  type: T;
  /** The petition it is about; null for directory and assessment events (then give a `key`). */
  petitionId: string | null;
  payload: PayloadOf<T>;
  /** Kafka key; the petition id by default, so one petition's events keep their order. */
  key?: string;
  /** The event this one answers, for causation and correlation ids. */
  cause?: Pick<EventEnvelope, 'eventId' | 'correlationId'>;
}

/**
 * The one way a service publishes: `publish(manager, at, event)` writes the envelope (this service
 * as producer, `at` from its clock) into the outbox in the caller's transaction, on the topic the
 * contracts name for the type (`EventTopics`). The state change and its events commit together.
 */
export class EventOutbox {
  constructor(
    private readonly writer: OutboxWriter,
    private readonly producer: string,
  ) {}

  /** The outbox record of one event, for callers that collect several and append them at once. */
  record<T extends EventType>(at: Date, event: OutgoingEvent<T>): OutboxRecord {
    const key = event.key ?? event.petitionId;
    if (!key) throw new Error(`${event.type} is about no petition: give it a key`);
    const envelope = createEnvelope(this.producer, at, {
      type: event.type,
      petitionId: event.petitionId,
      payload: event.payload,
      cause: event.cause,
    });
    return { topic: topicOf(event.type), key, envelope };
  }

  /** Writes one event, or several in order, into the outbox in the caller's transaction. */
  async publish<T extends EventType>(
    manager: EntityManager,
    at: Date,
    events: OutgoingEvent<T> | ReadonlyArray<OutgoingEvent<T>>,
  ): Promise<void> {
    const list: ReadonlyArray<OutgoingEvent<T>> = Array.isArray(events) ? events : [events as OutgoingEvent<T>];
    await this.writer.append(
      manager,
      list.map((e) => this.record(at, e)),
    );
  }

  /** Appends records made with {@link record}, in order. */
  async publishAll(manager: EntityManager, records: OutboxRecord[]): Promise<void> {
    await this.writer.append(manager, records);
  }
}
