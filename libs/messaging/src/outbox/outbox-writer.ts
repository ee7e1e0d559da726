import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@petition/contracts';
import { currentTraceHeaders } from '../tracing';

/** An event to record: its topic, its key (petition id, or unit id on the directory) and envelope. */
export interface OutboxRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/**
 * Records events in the outbox through the caller's transaction, so the state change and its
 * events commit together or not at all. The relay publishes them afterwards. Plain SQL, so it
 * works with any data source on the service's schema (seeders and tools included), not only one
 * that registered the outbox entity.
 */
export class OutboxWriter {
  /** Appends events in order; call it with the EntityManager of the transaction that changes state. */
  async append(manager: EntityManager, records: OutboxRecord | OutboxRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    const headers = JSON.stringify(currentTraceHeaders());
    const params: unknown[] = [];
    const rows = list.map((r) => {
      params.push(r.envelope.eventId, r.topic, r.key, r.envelope.type, JSON.stringify(r.envelope), headers);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
