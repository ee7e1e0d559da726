import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionSource, DeadlineRef, SupervisionLevel } from '@petition/contracts';

/** Whether the unit has answered a supervision order. */
export type SupervisionOrderState = 'open' | 'answered';

/** A supervision order (督办单, or 挂牌督办 when `level` is flagged) with its own answer deadline. */
@Entity({ name: 'supervision_orders' })
export class SupervisionOrderEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ name: 'deadline_id', type: 'uuid', nullable: true }) deadlineId!: string | null;
  @Column({ type: 'text' }) level!: SupervisionLevel;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) source!: ActionSource;
  @Column({ name: 'issued_by', type: 'text' }) issuedBy!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'answer_deadline', type: 'jsonb' }) answerDeadline!: DeadlineRef;
  @Column({ name: 'answer_due', type: 'timestamptz' }) answerDue!: Date;
  @Column({ type: 'text' }) state!: SupervisionOrderState;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_by', type: 'text', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'answered_on_time', type: 'boolean', nullable: true }) answeredOnTime!: boolean | null;
}
