import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@petition/contracts';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { currentTraceHeaders } from '../tracing';

/** An event to record: its topic, its key (petition id, or unit id on the directory) and envelope. */
export interface OutboxRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/**
 * Records events in the outbox through the caller's transaction, so the state change and its
 * events commit together or not at all. The relay publishes them afterwards.
 */
export class OutboxWriter {
  /** Appends events in order; call it with the EntityManager of the transaction that changes state. */
  async append(manager: EntityManager, records: OutboxRecord | OutboxRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    const headers = currentTraceHeaders();
    await manager.insert(
      OutboxMessageEntity,
      list.map((r) => ({
        eventId: r.envelope.eventId,
        topic: r.topic,
        messageKey: r.key,
        eventType: r.envelope.type,
        envelope: r.envelope as never,
        headers,
      })),
    );
  }
}
