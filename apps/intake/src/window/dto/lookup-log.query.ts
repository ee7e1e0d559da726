import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '@petition/service-kit';

/** Filters of `GET /api/petitioners/lookups`. */
export class LookupLogQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this staff account' }) @IsOptional() @IsString() @Length(1, 200) actor?: string;
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
