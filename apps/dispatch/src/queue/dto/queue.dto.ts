import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { Nature, toOffsetIso } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';
import type { QueuedPetitionEntity } from '../entities/queued-petition.entity';
import { QUEUE_REASON_KINDS, type QueueReasonKind } from '../queue-reason';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters of `GET /api/dispatch-queue`. */
export class QueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_REASON_KINDS }) @IsOptional() @IsIn(QUEUE_REASON_KINDS) reasonKind?: QueueReasonKind;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() escalated?: boolean;
  @ApiPropertyOptional({ description: 'A category or its parent (LABOR matches LABOR.WAGES)' })
  @IsOptional()
  @Matches(/^[A-Z0-9._-]{1,40}$/)
  categoryCode?: string;
  @ApiPropertyOptional({ description: 'A region and everything under it' }) @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ description: 'Only entries past their triage deadline' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;
}

/** A petition waiting for a dispatcher. */
export class QueuedPetitionView {
  @ApiProperty() petitionId!: string;
  @ApiProperty() trackingNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Nature }) nature!: Nature;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty() emergency!: boolean;
  @ApiProperty() petitionerNameMasked!: string;
  @ApiProperty({ enum: QUEUE_REASON_KINDS }) reasonKind!: QueueReasonKind;
  @ApiProperty() reason!: string;
  @ApiProperty() escalated!: boolean;
  @ApiProperty() queuedAt!: string;
  @ApiProperty({ description: 'Triage deadline (1 working day)' }) triageDue!: string;
  @ApiProperty() triageRuleSet!: string;
  @ApiProperty() overdue!: boolean;

  static from(q: QueuedPetitionEntity, now: Date): QueuedPetitionView {
    const p = q.petition as Record<string, string | number | boolean>;
    return {
      petitionId: q.petitionId,
      trackingNo: String(p.trackingNo),
      title: String(p.title),
      nature: p.nature as Nature,
      categoryCode: q.categoryCode,
      regionCode: q.regionCode,
      headcount: Number(p.headcount),
      emergency: Boolean(p.emergency),
      petitionerNameMasked: String(p.petitionerNameMasked),
      reasonKind: q.reasonKind,
      reason: q.reason,
      escalated: q.escalated,
      queuedAt: toOffsetIso(q.queuedAt),
      triageDue: toOffsetIso(q.triageDue),
      triageRuleSet: q.triageRuleSet,
      overdue: q.triageDue <= now,
    };
  }
}

export class QueuePage {
  @ApiProperty({ type: [QueuedPetitionView] }) items!: QueuedPetitionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
