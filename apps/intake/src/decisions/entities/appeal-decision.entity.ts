import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A review (复查) or re-examination (复核) decision, with its reasons for the petitioner. */
@Entity({ name: 'appeal_decisions' })
@Index('appeal_decisions_petition_idx', ['petitionId', 'decidedAt'])
export class AppealDecisionEntity {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  outcome!: string;

  /** Null for decisions published before reasons travelled with them. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
