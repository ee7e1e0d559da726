import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { TriageOutcome } from '@petition/contracts';
import { IsCleanText, trim } from '../../petitions/dto/validators';

/** The proper channels a petitioner can be told to use (告知, 条例 Art. 22 ¶2, Art. 28). */
export enum ProperChannel {
  Litigation = 'litigation',
  Arbitration = 'arbitration',
  AdministrativeReview = 'administrative_review',
  AdministrativeReconsideration = 'administrative_reconsideration',
  LaborArbitration = 'labor_arbitration',
  Other = 'other',
}

/** Body of `POST /api/petitions/:id/triage`. */
export class TriagePetitionDto {
  @ApiProperty({ enum: TriageOutcome })
  @IsEnum(TriageOutcome)
  outcome!: TriageOutcome;

  @ApiPropertyOptional({ enum: ProperChannel, description: 'inform: the proper channel' })
  @ValidateIf((o: TriagePetitionDto) => o.outcome === TriageOutcome.Inform || o.properChannel !== undefined)
  @IsEnum(ProperChannel, { message: 'properChannel is required to inform, one of: ' + Object.values(ProperChannel).join(', ') })
  properChannel?: ProperChannel;

  @ApiPropertyOptional({ example: '广州市天河区人民法院', description: 'forward: the competent authority; inform: where to go (optional)' })
  @ValidateIf((o: TriagePetitionDto) => o.outcome === TriageOutcome.Forward || o.authority !== undefined)
  @Transform(trim)
  @IsString({ message: 'authority is required to forward' })
  @Length(2, 200)
  authority?: string;

  @ApiPropertyOptional({ example: '440106-20261101-000003', description: 'refuse: the concluded petition; link_repeat: the open one' })
  @ValidateIf(
    (o: TriagePetitionDto) =>
      o.outcome === TriageOutcome.Refuse || o.outcome === TriageOutcome.LinkRepeat || o.relatedTrackingNo !== undefined,
  )
  @IsString({ message: 'relatedTrackingNo is required to refuse or link as repeat' })
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: 'relatedTrackingNo must be a tracking number such as 440106-20261122-000001' })
  relatedTrackingNo?: string;

  @ApiPropertyOptional({ description: 'answer_on_the_spot (a visit or call only): the answer given, as the petitioner is told it' })
  @ValidateIf((o: TriagePetitionDto) => o.outcome === TriageOutcome.AnswerOnTheSpot || o.answer !== undefined)
  @Transform(trim)
  @IsString({ message: 'answer is required to answer on the spot' })
  @Length(4, 2000)
  @IsCleanText()
  answer?: string;

  @ApiPropertyOptional({ description: 'Internal note; never shown to the petitioner' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  note?: string;
}
