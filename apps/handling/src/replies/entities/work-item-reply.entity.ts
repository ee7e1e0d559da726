import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeadlineRef, ReplyOutcome } from '@petition/contracts';

/** A decision letter (处理意见书) of the lead unit, one per round (1, then +1 after each rework). */
@Entity({ name: 'work_item_replies' })
export class WorkItemReplyEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'text' }) outcome!: ReplyOutcome;
  @Column({ type: 'text' }) facts!: string;
  @Column({ type: 'text' }) decision!: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ type: 'text' }) text!: string;
  /** The deadline in force when the reply was made: handling (extension applied) or rework. */
  @Column({ name: 'handling_deadline', type: 'jsonb' }) handlingDeadline!: DeadlineRef;
  @Column({ name: 'replied_on_time', type: 'boolean' }) repliedOnTime!: boolean;
  @Column({ name: 'replied_by', type: 'text' }) repliedBy!: string;
  @Column({ name: 'replied_at', type: 'timestamptz' }) repliedAt!: Date;
}
