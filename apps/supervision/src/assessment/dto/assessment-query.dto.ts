import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { PageQueryDto } from '@petition/service-kit';
import { KPIS, type Kpi } from '../kpis';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const PERIOD_MESSAGE = 'period must be YYYY-MM, YYYY-Qn or YYYY';

/** `?period=&scheme=&version=` of the ranking. */
export class AssessmentQueryDto {
  @ApiProperty({ example: '2026-Q4', description: 'YYYY-MM, YYYY-Qn or YYYY (Asia/Shanghai)' })
  @IsString()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ example: 'default', default: 'default', description: 'default or three_rates (or a scheme an admin added)' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  scheme?: string;

  @ApiPropertyOptional({ description: 'Scheme version; the latest when omitted', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** `?format=csv|xlsx` added to the ranking query. */
export class AssessmentExportQueryDto extends AssessmentQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

/** `?scheme=` of publishing. */
export class PublishQueryDto {
  @ApiPropertyOptional({ example: 'default', default: 'default' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  scheme?: string;
}

/** Path of the drill-down. */
export class PeriodParamDto {
  @ApiProperty({ example: '2026-Q4' })
  @IsString()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period!: string;
}

/** `?kpi=&limit=&cursor=` of the drill-down. */
export class MattersQueryDto extends PageQueryDto {
  @ApiProperty({ enum: KPIS, description: 'Which number to explain' })
  @IsIn(KPIS as unknown as string[])
  kpi!: Kpi;
}
