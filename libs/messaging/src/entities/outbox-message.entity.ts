import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event recorded in the same transaction as the state change it describes, waiting for the
 * relay to publish it. Rows are deleted once Kafka has acknowledged them.
 */
@Entity({ name: 'outbox' })
export class OutboxMessageEntity {
  /** Publication order: the relay publishes strictly by id, so one key's events keep their order. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index('outbox_event_id_uq', { unique: true })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  /** The whole envelope, serialised as it will be sent. */
  @Column({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  /** Trace context captured when the event was recorded, so the trace continues across the relay. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  headers!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
