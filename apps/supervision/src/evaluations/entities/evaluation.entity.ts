import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvaluationSource, Satisfaction } from '@petition/contracts';

/** An evaluation of a delivered reply; every one is kept, the latest of the matter is `current`. */
@Entity({ name: 'evaluations' })
export class EvaluationEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'reply_id', type: 'uuid' }) replyId!: string;
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'text' }) satisfaction!: Satisfaction;
  @Column({ type: 'boolean' }) solved!: boolean;
  @Column({ type: 'text' }) source!: EvaluationSource;
  /** How it was taken: `online` for the petitioner's own, else the callback's method. */
  @Column({ type: 'text' }) method!: string;
  /** The callback's summary, or the petitioner's comment. */
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'boolean' }) current!: boolean;
}
