import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeadlineRecord, EscalationStep } from '@petition/deadlines';

/** Where a tracked obligation stands. Warning and overdue are flags on it, not states (docs/architecture.md). */
export type TrackedDeadlineState = 'open' | 'met' | 'overdue_met' | 'cancelled';

/**
 * One obligation of one matter that supervision holds someone to: a stage, its owner (a unit, or
 * the petition bureau when `unitId` is null) and the libs/deadlines record with its extensions
 * and pauses. `nextFireAt` is when the scheduler must look at it next (null: nothing left).
 */
@Entity({ name: 'tracked_deadlines' })
export class TrackedDeadlineEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'owner_key', type: 'text' }) ownerKey!: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ type: 'boolean' }) ladder!: boolean;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) due!: Date;
  @Column({ name: 'warning_at', type: 'timestamptz' }) warningAt!: Date;
  @Column({ name: 'rule_set', type: 'text' }) ruleSet!: string;
  @Column({ type: 'boolean' }) provisional!: boolean;
  @Column({ type: 'jsonb' }) record!: DeadlineRecord;
  @Column({ type: 'text' }) state!: TrackedDeadlineState;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'warning_fired_at', type: 'timestamptz', nullable: true }) warningFiredAt!: Date | null;
  @Column({ name: 'overdue_fired_at', type: 'timestamptz', nullable: true }) overdueFiredAt!: Date | null;
  @Column({ name: 'escalation_step', type: 'text' }) escalationStep!: EscalationStep;
  @Column({ name: 'next_fire_at', type: 'timestamptz', nullable: true }) nextFireAt!: Date | null;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
