import { ApiProperty } from '@nestjs/swagger';

/** One step the petitioner sees. */
export class PublicTimelineEntryView {
  @ApiProperty({ example: 'registered' }) kind!: string;
  @ApiProperty({ example: '已登记' }) label!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000+08:00' }) at!: string;
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
