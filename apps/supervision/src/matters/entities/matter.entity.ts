import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Supervision's small projection of a petition after its reply: the lead unit, the reply last
 * delivered to the petitioner, and whether the matter is closed or concluded. Its row is also the
 * lock that serialises every step of one matter (review, delivery, evaluation, appeal).
 */
@Entity({ name: 'matters' })
export class MatterEntity {
  @PrimaryColumn({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ name: 'lead_unit_id', type: 'uuid', nullable: true }) leadUnitId!: string | null;
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true }) assignmentId!: string | null;
  @Column({ name: 'delivered_review_id', type: 'uuid', nullable: true }) deliveredReviewId!: string | null;
  @Column({ name: 'delivered_reply_id', type: 'uuid', nullable: true }) deliveredReplyId!: string | null;
  @Column({ name: 'delivered_round', type: 'int', nullable: true }) deliveredRound!: number | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  /** End of the review window (`review_request` from the delivery). */
  @Column({ name: 'review_request_due', type: 'timestamptz', nullable: true }) reviewRequestDue!: Date | null;
  /** When the deadline sweep recorded the end of that window (`review_window.ended`); null while open. */
  @Column({ name: 'review_window_ended_at', type: 'timestamptz', nullable: true }) reviewWindowEndedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true }) concludedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
