import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@petition/service-kit';

const STATUSES = ['pending', 'sent', 'failed', 'no_recipient'] as const;

/** `GET /api/notices`: e.g. `status=failed` or `no_recipient`, the petitioners staff must still tell in writing. */
export class NoticeQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];
}
