import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { SpanStatusCode } from '@opentelemetry/api';
import { EventHeaders } from '@petition/contracts';
import type { EventPublisher, OutgoingMessage } from '../kafka/event-publisher';
import type { MessagingLogger } from '../logger';
import { startPublishSpan } from '../tracing';

/** Options of {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** The service's schema: names the advisory lock and the notification channel. */
  schema: string;
  /** Connection string for the relay's own session (LISTEN and the leader lock). */
  connectionString: string;
  publisher: EventPublisher;
  logger: MessagingLogger;
  batchSize?: number;
  /** Fallback poll interval when no notification arrives. */
  pollMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  envelope: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows to Kafka in id order and deletes them once acknowledged. Only one
 * instance of a service relays at a time (a session advisory lock), because two relays taking
 * alternate rows could reorder one petition's events. A crash between publish and delete
 * republishes the same event ids; consumers' inboxes make that harmless.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private client: Client | null = null;
  private leader = false;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A notification that arrived while a batch was being published; the next idle returns at once. */
  private notified = false;
  private published = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 1000;
  }

  /** Total events this instance has published (for metrics and tests). */
  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publishes what is left (bounded by `timeoutMs`), then stops and releases the leader lock. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.leader) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && (await this.publishBatch().catch(() => 0)) > 0);
    }
    await this.closeClient();
  }

  private async run(): Promise<void> {
    let backoffMs = 200;
    while (this.running) {
      try {
        if (!this.leader) {
          await this.becomeLeader();
          if (!this.leader) {
            await this.idle(2000);
            continue;
          }
        }
        const count = await this.publishBatch();
        backoffMs = 200;
        if (count < this.batchSize) await this.idle(this.pollMs);
      } catch (err) {
        this.options.logger.warn({ err }, 'outbox relay failed; retrying');
        await this.closeClient();
        await this.idle(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  private async becomeLeader(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString, application_name: `${this.options.schema}-outbox-relay` });
    client.on('error', (err) => this.options.logger.warn({ err }, 'outbox relay connection error'));
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `outbox:${this.options.schema}`,
    ]);
    if (!rows[0].locked) {
      await client.end();
      return;
    }
    await client.query(`LISTEN "outbox_${this.options.schema}"`);
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    client.on('end', () => {
      this.leader = false;
      this.client = null;
    });
    this.client = client;
    this.leader = true;
    this.options.logger.info({ schema: this.options.schema }, 'outbox relay is the leader');
  }

  private async publishBatch(): Promise<number> {
    const rows: OutboxRow[] = await this.options.dataSource.query(
      'SELECT id, topic, message_key, event_type, envelope, headers FROM outbox ORDER BY id LIMIT $1',
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    const spans = [];
    const messages: OutgoingMessage[] = [];
    for (const row of rows) {
      const { span, headers } = startPublishSpan(row.topic, row.event_type, row.headers);
      spans.push(span);
      messages.push({
        topic: row.topic,
        key: row.message_key,
        value: JSON.stringify(row.envelope),
        headers: { ...headers, [EventHeaders.eventType]: row.event_type, [EventHeaders.eventId]: String(row.envelope.eventId) },
      });
    }
    try {
      await this.options.publisher.send(messages);
    } catch (err) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        span.end();
      }
      throw err;
    }
    for (const span of spans) span.end();
    await this.options.dataSource.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
    this.published += rows.length;
    return rows.length;
  }

  private idle(ms: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async closeClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leader = false;
    if (client) await client.end().catch(() => undefined);
  }
}
