import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** State of a return request: pending, then confirmed (re-dispatched) or rejected (stays with the unit). */
export type ReturnStatus = 'requested' | 'confirmed' | 'rejected';

/** A unit's request to return a misrouted assignment (退回), and the dispatcher's decision. */
@Entity({ name: 'assignment_returns' })
@Index('assignment_returns_petition_idx', ['petitionId', 'status'])
export class AssignmentReturnEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text' })
  status!: ReturnStatus;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;
}
