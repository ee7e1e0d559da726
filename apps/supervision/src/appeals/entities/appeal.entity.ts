import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AppealKind, AppealOutcome, DeadlineRef } from '@petition/contracts';

/** Where an appeal stands: filed (decision running), decided, or refused at the door (out of window, ...). */
export type AppealStatus = 'filed' | 'decided' | 'refused';

/** Who brought the request: the petitioner online (through intake), or staff registering a paper request. */
export type AppealSource = 'petitioner' | 'staff';

/** A review (复查) or re-examination (复核) request and its decision. */
@Entity({ name: 'appeals' })
export class AppealEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ type: 'text' }) kind!: AppealKind;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ type: 'text' }) source!: AppealSource;
  @Column({ type: 'text' }) grounds!: string;
  /** When the request reached the authority: the window is judged, and the decision clock starts, here. */
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'registered_by', type: 'text' }) registeredBy!: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt!: Date;
  @Column({ type: 'text' }) status!: AppealStatus;
  @Column({ name: 'refusal_code', type: 'text', nullable: true }) refusalCode!: string | null;
  @Column({ name: 'refusal_reason', type: 'text', nullable: true }) refusalReason!: string | null;
  /** The decision deadline as a full libs/deadlines record (hearings are its pauses). */
  @Column({ name: 'decision_deadline', type: 'jsonb', nullable: true }) decisionDeadline!: Record<string, unknown> | null;
  @Column({ name: 'decision_due', type: 'timestamptz', nullable: true }) decisionDue!: Date | null;
  @Column({ type: 'text', nullable: true }) outcome!: AppealOutcome | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason!: string | null;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  /** After a review decision: the re-examination window (`reexam_request`). */
  @Column({ name: 'next_request_deadline', type: 'jsonb', nullable: true }) nextRequestDeadline!: DeadlineRef | null;
  @Column({ name: 'next_request_due', type: 'timestamptz', nullable: true }) nextRequestDue!: Date | null;
}
