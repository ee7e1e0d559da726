import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@petition/service-kit';

/** Statuses a supervisor filters the review queue by. */
export const REVIEW_STATUSES = ['pending', 'approved', 'returned', 'superseded'] as const;

/** Filters of `GET /api/reviews` (oldest reply first). */
export class ReviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'Default: every status' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: (typeof REVIEW_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only replies of this lead unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only reviews of this petition' })
  @IsOptional()
  @IsUUID()
  petitionId?: string;
}
