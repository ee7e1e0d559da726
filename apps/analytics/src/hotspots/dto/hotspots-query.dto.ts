import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RangeQueryDto } from '../../stats/dto/stats-query.dto';

/** `GET /api/stats/hotspots`. */
export class HotspotsQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ example: 'URBAN', description: 'Category code; includes its sub-categories (URBAN covers URBAN.NOISE)' })
  @IsOptional()
  @Matches(/^[A-Z0-9._-]{1,40}$/, { message: 'categoryCode must be an upper-case category code' })
  categoryCode?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100, description: 'Length of the strong-signal list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
