import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A petition waiting in the dispatcher's manual queue, with what routing needs to assign it. */
@Entity({ name: 'dispatch_queue' })
export class QueuedPetitionEntity {
  @PrimaryColumn({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The `petition.registered` payload (no PII: masked name and pseudonymous ref only). */
  @Column({ type: 'jsonb' })
  petition!: Record<string, unknown>;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
