import type { DataSource, EntityManager } from 'typeorm';
import { EventHeaders, MalformedEventError, deadLetterTopic, parseEvent, type EventEnvelope } from '@petition/contracts';
import type { EventPublisher } from '../kafka/event-publisher';
import type { MessagingLogger } from '../logger';
import { withProcessSpan } from '../tracing';

/** A consumed Kafka message, as kafkajs or Nest's Kafka context hands it over. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key?: unknown;
  value: unknown;
  headers?: Record<string, unknown>;
}

/** Handles one event inside the transaction that also records it in the inbox. */
export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

/** Thrown by a handler for an event that can never succeed (retrying would not help): dead-letter it. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/** What became of a message. `skipped`: valid, but of a type this consumer does not handle. */
export type ProcessOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead_lettered';

/** Per-consumer options of {@link EventProcessor.process}. */
export interface ProcessOptions {
  /**
   * The event types the handler acts on. Others are still validated (a malformed message is
   * dead-lettered whatever its type) but acknowledged without a transaction: a handler that
   * would do nothing needs no inbox row, and a topic's other event types then cost a consumer
   * almost nothing (dispatch reads every intake event to act on `petition.registered` alone).
   */
  types?: readonly string[];
}

/** Options of {@link EventProcessor}. */
export interface EventProcessorOptions {
  dataSource: DataSource;
  publisher: EventPublisher;
  /** Consumer group id; names the dead-letter topic `<group>.dlq`. */
  groupId: string;
  logger: MessagingLogger;
  maxAttempts?: number;
  baseDelayMs?: number;
  onOutcome?: (outcome: ProcessOutcome, topic: string) => void;
}

/**
 * The one consumer error policy. A message is validated (malformed → dead-letter at once), then
 * its effect and its inbox row commit in one transaction (a redelivered event id is skipped), with
 * retries and exponential backoff for transient failures, then the dead-letter topic. It only
 * throws when even the dead-letter topic cannot be written, so Kafka redelivers and nothing is lost.
 */
export class EventProcessor {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;

  constructor(private readonly options: EventProcessorOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 200;
  }

  /** Processes one message with `handler`; `consumer` names the inbox scope (one per handler). */
  async process(message: IncomingMessage, consumer: string, handler: EventHandler, options: ProcessOptions = {}): Promise<ProcessOutcome> {
    const outcome = await withProcessSpan(message.topic, this.options.groupId, message.headers, () =>
      this.processTraced(message, consumer, handler, options.types),
    );
    this.options.onOutcome?.(outcome, message.topic);
    return outcome;
  }

  private async processTraced(
    message: IncomingMessage,
    consumer: string,
    handler: EventHandler,
    types: readonly string[] | undefined,
  ): Promise<ProcessOutcome> {
    let event: EventEnvelope;
    try {
      event = parseEvent(message.value);
    } catch (err) {
      if (err instanceof MalformedEventError) return this.deadLetter(message, err, err.issues);
      throw err;
    }
    if (types && !types.includes(event.type)) return 'skipped';
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.options.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO inbox (consumer, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [consumer, event.eventId, message.topic, message.partition, message.offset],
          );
          if (inserted.length === 0) return 'duplicate' as const;
          await handler(event, manager);
          return 'processed' as const;
        });
      } catch (err) {
        if (err instanceof PermanentEventError || err instanceof MalformedEventError || attempt >= this.maxAttempts) {
          return this.deadLetter(message, err as Error, err instanceof MalformedEventError ? err.issues : []);
        }
        const delay = Math.min(this.baseDelayMs * 2 ** (attempt - 1), 5000);
        this.options.logger.warn(
          { err, topic: message.topic, offset: message.offset, eventId: event.eventId, attempt },
          `event handling failed; retrying in ${delay} ms`,
        );
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private async deadLetter(message: IncomingMessage, error: Error, issues: unknown[]): Promise<ProcessOutcome> {
    const topic = deadLetterTopic(this.options.groupId);
    const value =
      Buffer.isBuffer(message.value) || typeof message.value === 'string' || message.value === null
        ? (message.value as Buffer | string | null)
        : JSON.stringify(message.value);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(message.headers ?? {}))
      if (v !== undefined && v !== null) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
    headers[EventHeaders.dlqError] = JSON.stringify({ name: error.name, message: error.message, issues });
    headers[EventHeaders.dlqSourceTopic] = message.topic;
    headers[EventHeaders.dlqSourcePartition] = String(message.partition);
    headers[EventHeaders.dlqSourceOffset] = message.offset;
    const key =
      message.key === undefined || message.key === null
        ? null
        : Buffer.isBuffer(message.key)
          ? message.key.toString('utf8')
          : String(message.key);
    await this.options.publisher.send([{ topic, key, value, headers }]);
    this.options.logger.error(
      { topic: message.topic, partition: message.partition, offset: message.offset, dlq: topic, reason: error.message },
      'event sent to the dead-letter topic',
    );
    return 'dead_lettered';
  }
}
