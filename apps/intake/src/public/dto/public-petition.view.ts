import { ApiProperty } from '@nestjs/swagger';

/** One step the petitioner sees. */
export class PublicTimelineEntryView {
  @ApiProperty({ example: 'registered' }) kind!: string;
  @ApiProperty({ example: '已登记' }) label!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000+08:00' }) at!: string;
}

/** The lead unit's acceptance (受理). */
export class PublicAcceptanceView {
  @ApiProperty() acceptedAt!: string;
  @ApiProperty({ example: '2027-01-31', description: 'Last day to handle it, extensions included' }) handleBy!: string;
}

/** An approved extension and its reason (条例 Art. 34). */
export class PublicExtensionView {
  @ApiProperty() approvedAt!: string;
  @ApiProperty({ example: '2027-03-02' }) handleBy!: string;
  @ApiProperty({ example: '需会同住建部门现场勘验' }) reason!: string;
}

/** The decision letter (处理意见书), once delivered. */
export class PublicDecisionLetterView {
  @ApiProperty({ enum: ['support', 'explain', 'not_support'] }) outcome!: string;
  @ApiProperty({ example: '予以支持' }) outcomeLabel!: string;
  @ApiProperty() text!: string;
  @ApiProperty() deliveredAt!: string;
}

/** A review or re-examination decision and its reasons. */
export class PublicAppealDecisionView {
  @ApiProperty({ enum: ['review', 'reexamination'] }) kind!: string;
  @ApiProperty({ example: '复查' }) kindLabel!: string;
  @ApiProperty({ enum: ['upheld', 'changed', 'revoked'] }) outcome!: string;
  @ApiProperty({ example: '维持原处理意见' }) outcomeLabel!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() decidedAt!: string;
}

/** What the petitioner sees: no PII, no internal notes, no content. */
export class PublicPetitionView {
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty({ example: 'dispatched' }) status!: string;
  @ApiProperty({ example: '已转交办理' }) statusLabel!: string;
  @ApiProperty({ example: 'URBAN.DRAINAGE' }) categoryCode!: string;
  @ApiProperty({ example: '440106001' }) regionCode!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000+08:00' }) registeredAt!: string;
  @ApiProperty({ type: [PublicTimelineEntryView] }) timeline!: PublicTimelineEntryView[];
  @ApiProperty({ type: PublicAcceptanceView, nullable: true }) acceptance!: PublicAcceptanceView | null;
  @ApiProperty({ type: [PublicExtensionView] }) extensions!: PublicExtensionView[];
  @ApiProperty({ type: PublicDecisionLetterView, nullable: true, description: 'Shown once the letter is delivered' })
  decisionLetter!: PublicDecisionLetterView | null;
  @ApiProperty({ type: [PublicAppealDecisionView] }) appealDecisions!: PublicAppealDecisionView[];
}

/** Answer of a public submission: the tracking number and, once only, the query code. */
export class PublicSubmissionView {
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty({ example: 'K7M2Q9XP', description: 'Shown once; keep it to follow the matter' }) queryCode!: string;
  @ApiProperty({ example: 'registered' }) status!: string;
}

/** Answer of an evaluation or appeal. */
export class PublicReceiptView {
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty({ example: 'evaluation_submitted' }) recorded!: string;
  @ApiProperty() at!: string;
}
