import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AppealKind, AppealOutcome } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /api/appeals`: staff register a request received on paper or at the window. */
export class FileAppealDto {
  @ApiProperty() @IsUUID() petitionId!: string;

  @ApiProperty({ enum: AppealKind, description: 'review (复查, 条例 Art. 35) or reexamination (复核, Art. 36)' })
  @IsEnum(AppealKind)
  kind!: AppealKind;

  @ApiProperty({ example: '对处理意见不服，认为未查明违建面积，请求复查。' })
  @Transform(trim)
  @IsString()
  @Length(5, 5000)
  grounds!: string;

  @ApiProperty({
    example: '2026-12-10T10:00:00+08:00',
    description: 'When the request was received (postmark or window); the window is judged at this instant; not in the future',
  })
  @IsISO8601({ strict: true })
  receivedAt!: string;
}

/** Body of `POST /api/appeals/:id/hearings`. */
export class RecordHearingDto {
  @ApiProperty({ example: '2026-12-20T09:00:00+08:00' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-12-22T18:00:00+08:00', description: 'After from, not in the future (record a hearing once it has ended)' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ example: '听证', description: 'Recorded with the pause; default 听证 (hearing, 条例 Art. 36)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** Body of `POST /api/appeals/:id/decide`. */
export class DecideAppealDto {
  @ApiProperty({ enum: AppealOutcome, description: '维持 / 变更 / 撤销' })
  @IsEnum(AppealOutcome)
  outcome!: AppealOutcome;

  @ApiProperty({ example: '原处理意见认定事实清楚，适用依据正确，予以维持。' })
  @Transform(trim)
  @IsString()
  @Length(2, 5000)
  reason!: string;
}

/** Filters of `GET /api/appeals`. */
export class AppealQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['filed', 'decided', 'refused'] }) @IsOptional() @IsIn(['filed', 'decided', 'refused']) status?:
    'filed' | 'decided' | 'refused';
  @ApiPropertyOptional({ enum: AppealKind }) @IsOptional() @IsEnum(AppealKind) kind?: AppealKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() petitionId?: string;
}
