import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentRef, DeadlineRef, ReplyOutcome } from '@petition/contracts';

/** Where a result review stands; `superseded` when a newer reply round arrived before a decision. */
export type ReviewStatus = 'pending' | 'approved' | 'returned' | 'superseded';

/** How an approved reply reaches the petitioner. */
export type DeliveryMethod = 'online' | 'post' | 'in_person';

/** A result review (审核) of one reply round: the letter as handling sent it, and the supervisor's decision. */
@Entity({ name: 'reviews' })
export class ReviewEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ name: 'reply_id', type: 'uuid' }) replyId!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'text' }) outcome!: ReplyOutcome;
  @Column({ type: 'text' }) facts!: string;
  @Column({ type: 'text' }) decision!: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'jsonb' }) attachments!: AttachmentRef[];
  @Column({ name: 'handling_deadline', type: 'jsonb' }) handlingDeadline!: DeadlineRef;
  @Column({ name: 'replied_on_time', type: 'boolean' }) repliedOnTime!: boolean;
  @Column({ name: 'replied_at', type: 'timestamptz' }) repliedAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) status!: ReviewStatus;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ name: 'first_review', type: 'boolean', nullable: true }) firstReview!: boolean | null;
  @Column({ name: 'delivery_method', type: 'text', nullable: true }) deliveryMethod!: DeliveryMethod | null;
  @Column({ name: 'delivery_deadline', type: 'jsonb', nullable: true }) deliveryDeadline!: DeadlineRef | null;
  @Column({ name: 'rework_deadline', type: 'jsonb', nullable: true }) reworkDeadline!: DeadlineRef | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ name: 'delivered_by', type: 'text', nullable: true }) deliveredBy!: string | null;
  @Column({ name: 'callback_deadline', type: 'jsonb', nullable: true }) callbackDeadline!: DeadlineRef | null;
  @Column({ name: 'review_request_deadline', type: 'jsonb', nullable: true }) reviewRequestDeadline!: DeadlineRef | null;
}
