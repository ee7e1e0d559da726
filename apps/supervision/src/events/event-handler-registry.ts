import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TopicName } from '@petition/contracts';
import type { EntityManager } from 'typeorm';

/**
 * One of supervision's event handlers. Each has its own inbox scope (`name`), so it sees every
 * event exactly once whatever the others do, and runs in its own transaction.
 */
export interface SupervisionEventHandler {
  /** Inbox scope; never rename once shipped, or the handler would see old events again. */
  readonly name: string;
  readonly topics: readonly TopicName[];
  /**
   * The event types it acts on, when it knows them: others are acknowledged without opening a
   * transaction. Leave unset to see every event of `topics`.
   */
  readonly types?: readonly string[];
  /** Applies the event; called for every event on `topics` (of `types`, if set), so skip the types you do not handle. */
  handle(event: EventEnvelope, manager: EntityManager): Promise<void>;
}

/**
 * Where supervision's modules register their event handlers. Nest chains several `@EventPattern`
 * handlers of one topic without awaiting the later ones, so the offset could be committed before
 * they finish; supervision therefore has one consumer per topic ({@link SupervisionConsumer}) that
 * runs every registered handler in turn and only then returns.
 */
@Injectable()
export class EventHandlerRegistry {
  private readonly handlers: SupervisionEventHandler[] = [];

  register(handler: SupervisionEventHandler): void {
    if (this.handlers.some((h) => h.name === handler.name)) throw new Error(`event handler ${handler.name} registered twice`);
    this.handlers.push(handler);
  }

  /** Handlers of `topic`, in registration order. */
  forTopic(topic: string): SupervisionEventHandler[] {
    return this.handlers.filter((h) => (h.topics as readonly string[]).includes(topic));
  }
}
