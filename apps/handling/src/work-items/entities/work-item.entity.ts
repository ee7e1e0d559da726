import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AssignmentRole, Nature, Track, WorkItemStatus, type DeadlineRef } from '@petition/contracts';

/** One unit's part of an assignment: the lead's work item, or a co-handler's. */
@Entity({ name: 'work_items' })
@Index('work_items_unit_due_idx', ['unitId', 'currentDue', 'id'])
@Index('work_items_unit_status_due_idx', ['unitId', 'status', 'currentDue', 'id'])
@Index('work_items_unit_open_due_idx', ['unitId', 'currentDue', 'id'], { where: `status IN ('assigned', 'accepted')` })
@Index('work_items_assignment_unit_uq', ['assignmentId', 'unitId'], { unique: true })
export class WorkItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ type: 'text' })
  role!: AssignmentRole;

  @Column({ type: 'text' })
  status!: WorkItemStatus;

  @Column({ name: 'tracking_no', type: 'text' })
  trackingNo!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  nature!: Nature;

  @Column({ type: 'text' })
  track!: Track;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'petitioner_name_masked', type: 'text' })
  petitionerNameMasked!: string;

  @Column({ type: 'text', nullable: true })
  instructions!: string | null;

  @Column({ name: 'accept_due', type: 'timestamptz' })
  acceptDue!: Date;

  @Column({ name: 'accept_rule_set', type: 'text' })
  acceptRuleSet!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy!: string | null;

  /** The petition signals an emergency (紧急信息), as dispatch assigned it. */
  @Column({ name: 'emergency', type: 'boolean', default: false })
  emergency!: boolean;

  /** handling_standard / handling_fast / handling_suggestion, as dispatch named it; its clock starts at acceptance. */
  @Column({ name: 'handling_stage', type: 'text', nullable: true })
  handlingStage!: string | null;

  @Column({ name: 'handling_due', type: 'timestamptz', nullable: true })
  handlingDue!: Date | null;

  @Column({ name: 'handling_rule_set', type: 'text', nullable: true })
  handlingRuleSet!: string | null;

  @Column({ name: 'handling_provisional', type: 'boolean', nullable: true })
  handlingProvisional!: boolean | null;

  @Column({ name: 'first_contact_due', type: 'timestamptz', nullable: true })
  firstContactDue!: Date | null;

  /** The deadline the item is held to now: acceptance while assigned, handling once accepted. */
  @Column({ name: 'current_due', type: 'timestamptz' })
  currentDue!: Date;

  /** When {@link currentDue} turns to warning (docs/rules.md: 20 % left or 2 working days). */
  @Column({ name: 'current_warning_at', type: 'timestamptz' })
  currentWarningAt!: Date;

  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt!: Date | null;

  /** The handling deadline as a libs/deadlines record (pauses, extensions), set at acceptance. */
  @Column({ name: 'handling_deadline', type: 'jsonb', nullable: true })
  handlingDeadline!: Record<string, unknown> | null;

  /** Set while the unit's return (退回) waits for the bureau; cleared if the bureau rejects it. */
  @Column({ name: 'return_requested_at', type: 'timestamptz', nullable: true })
  returnRequestedAt!: Date | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  /** The dispatcher's answer to a rejected return, shown to the unit. */
  @Column({ name: 'return_decision_note', type: 'text', nullable: true })
  returnDecisionNote!: string | null;

  /** Replies made so far; the next reply carries round `replyCount + 1`. */
  @Column({ name: 'reply_count', type: 'int', default: 0 })
  replyCount!: number;

  /** The latest reply, the one a result review judges. */
  @Column({ name: 'last_reply_id', type: 'uuid', nullable: true })
  lastReplyId!: string | null;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;

  /** Set while the matter is in rework (退回重办): the review that returned it, why, and its deadline. */
  @Column({ name: 'rework_review_id', type: 'uuid', nullable: true })
  reworkReviewId!: string | null;

  @Column({ name: 'rework_reason', type: 'text', nullable: true })
  reworkReason!: string | null;

  /** The rework deadline as supervision fixed it (a DeadlineRef). */
  @Column({ name: 'rework_deadline', type: 'jsonb', nullable: true })
  reworkDeadline!: DeadlineRef | null;

  /** When the matter left the unit's open work (reply approved). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
