import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QueueReasonKind } from '../queue-reason';

/** A petition waiting in the dispatcher's manual queue, with what routing needs to assign it. */
@Entity({ name: 'dispatch_queue' })
export class QueuedPetitionEntity {
  @PrimaryColumn({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'reason_kind', type: 'text' })
  reasonKind!: QueueReasonKind;

  /** Returned twice or more: leaders must look at it (apps/dispatch/README.md, returns). */
  @Column({ type: 'boolean' })
  escalated!: boolean;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** The `petition.registered` payload (no PII: masked name and pseudonymous ref only). */
  @Column({ type: 'jsonb' })
  petition!: Record<string, unknown>;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;

  /** The queue's own SLA (`triage`, 1 working day), from registration or from the return that re-queued it. */
  @Column({ name: 'triage_due', type: 'timestamptz' })
  triageDue!: Date;

  @Column({ name: 'triage_rule_set', type: 'text' })
  triageRuleSet!: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
