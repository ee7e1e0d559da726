import { ApiProperty } from '@nestjs/swagger';
import { AttachmentRef, DeadlineRef, ReplyOutcome, toOffsetIso, type Page } from '@petition/contracts';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import type { ReviewEntity } from '../entities/review.entity';

/** A result review with the letter it judges. */
export class ReviewView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty() replyId!: string;
  @ApiProperty() workItemId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: '1 for the first reply, +1 after each rework' }) round!: number;
  @ApiProperty({ enum: ['pending', 'approved', 'returned', 'superseded'] }) status!: string;
  @ApiProperty({ enum: ReplyOutcome }) outcome!: ReplyOutcome;
  @ApiProperty({ description: '查明事实' }) facts!: string;
  @ApiProperty({ description: '处理意见' }) decision!: string;
  @ApiProperty({ description: '法律政策依据' }) legalBasis!: string;
  @ApiProperty({ description: 'The letter as the petitioner reads it' }) text!: string;
  @ApiProperty({ type: [AttachmentRef] }) attachments!: AttachmentRef[];
  @ApiProperty({ type: DeadlineRef }) handlingDeadline!: DeadlineRef;
  @ApiProperty() repliedOnTime!: boolean;
  @ApiProperty() repliedAt!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Approved with no earlier return of this matter (quality pass rate)' })
  firstReview!: boolean | null;
  @ApiProperty({ nullable: true, enum: ['online', 'post', 'in_person'] }) deliveryMethod!: string | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'reply_delivery, from the approval' })
  deliveryDeadline!: DeadlineRef | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'handling_fast, from the return' }) reworkDeadline!: DeadlineRef | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'callback, from the delivery' }) callbackDeadline!: DeadlineRef | null;
  @ApiProperty({ nullable: true, type: DeadlineRef, description: 'review_request (复查 window), from the delivery' })
  reviewRequestDeadline!: DeadlineRef | null;

  static from(r: ReviewEntity): ReviewView {
    return {
      id: r.id,
      petitionId: r.petitionId,
      replyId: r.replyId,
      workItemId: r.workItemId,
      unitId: r.unitId,
      round: r.round,
      status: r.status,
      outcome: r.outcome,
      facts: r.facts,
      decision: r.decision,
      legalBasis: r.legalBasis,
      text: r.text,
      attachments: r.attachments,
      handlingDeadline: r.handlingDeadline,
      repliedOnTime: r.repliedOnTime,
      repliedAt: toOffsetIso(r.repliedAt),
      receivedAt: toOffsetIso(r.receivedAt),
      decidedBy: r.decidedBy,
      decidedAt: FlowDeadlines.iso(r.decidedAt),
      comment: r.comment,
      returnReason: r.returnReason,
      firstReview: r.firstReview,
      deliveryMethod: r.deliveryMethod,
      deliveryDeadline: r.deliveryDeadline,
      reworkDeadline: r.reworkDeadline,
      deliveredAt: FlowDeadlines.iso(r.deliveredAt),
      callbackDeadline: r.callbackDeadline,
      reviewRequestDeadline: r.reviewRequestDeadline,
    };
  }
}

/** A page of reviews. */
export class ReviewPage implements Page<ReviewView> {
  @ApiProperty({ type: [ReviewView] }) items!: ReviewView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
