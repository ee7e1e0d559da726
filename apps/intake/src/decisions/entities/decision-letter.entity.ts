import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A unit's decision letter (处理意见书) as `petition.replied` carried it; shown to the petitioner once delivered. */
@Entity({ name: 'decision_letters' })
@Index('decision_letters_petition_idx', ['petitionId', 'round'])
export class DecisionLetterEntity {
  @PrimaryColumn({ name: 'reply_id', type: 'uuid' })
  replyId!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'int' })
  round!: number;

  /** `support`, `explain` or `not_support` (予以支持 / 解释说明 / 不予支持). */
  @Column({ type: 'text' })
  outcome!: string;

  /** The letter as the petitioner reads it. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'replied_at', type: 'timestamptz' })
  repliedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
