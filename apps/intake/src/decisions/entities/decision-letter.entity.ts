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

  /** 查明事实, 处理意见, 法律政策依据: what the 处理意见书 states (条例 Art. 32). Null for letters recorded before they were kept. */
  @Column({ type: 'text', nullable: true })
  facts!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  /** The unit that wrote it, which issues the 处理意见书. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'replied_at', type: 'timestamptz' })
  repliedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
