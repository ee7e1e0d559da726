import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One processed event per consumer. Written in the same transaction as the event's effect, so a
 * redelivered event (at-least-once) is recognised and skipped.
 */
@Entity({ name: 'inbox' })
export class InboxEntryEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'int' })
  partition!: number;

  @Column({ type: 'bigint' })
  offset!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
