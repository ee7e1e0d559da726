import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from '../report-period';

/** Path of `GET /api/reports/:kind/:period`. */
export class ReportParamsDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind!: ReportKind;

  @ApiProperty({ example: '2026-11', description: 'weekly 2026-W47, monthly 2026-11, quarterly 2026-Q4, annual 2026' })
  @Matches(/^\d{4}(-W\d{2}|-\d{2}|-Q\d)?$/, { message: 'period must look like 2026-W47, 2026-11, 2026-Q4 or 2026' })
  period!: string;
}

/** Query of `GET /api/reports/:kind/:period`. */
export class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}
