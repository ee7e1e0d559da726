import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { REGION_CODE_PATTERN } from '../../regions/region-codes';

/** A calendar date that exists (2026-02-30 is refused). */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Date range and region filter shared by every statistics query. */
export class RangeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (Asia/Shanghai), inclusive; default 29 days before `to`' })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day, inclusive; default today on the service clock' })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: '440106', description: 'Administrative division code; includes every region under it' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 4, 6, 9 or 12-digit division code' })
  regionCode?: string;
}

/** Dimensions a volume can be broken down by. */
export const VOLUME_DIMENSIONS = ['channel', 'category', 'nature', 'region', 'unit'] as const;
export type VolumeDimension = (typeof VOLUME_DIMENSIONS)[number];
export const GROUP_BYS = ['day', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** `GET /api/stats/volume`. */
export class VolumeQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'day' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;

  @ApiPropertyOptional({
    enum: VOLUME_DIMENSIONS,
    description: 'Break the volume down by this dimension (region: one level below regionCode)',
  })
  @IsOptional()
  @IsIn(VOLUME_DIMENSIONS)
  dimension?: VolumeDimension;
}

/** `GET /api/stats/repeats`. */
export class RepeatsQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** `GET /api/stats/backlog`. */
export class BacklogQueryDto {
  @ApiPropertyOptional({ example: '440106' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 4, 6, 9 or 12-digit division code' })
  regionCode?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200, description: 'Units listed' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
