import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@petition/service-kit';

/** States a list can filter on: the stored ones, plus the open deadlines carrying a flag. */
export const DEADLINE_QUERY_STATES = ['open', 'met', 'overdue_met', 'cancelled', 'warning', 'overdue'] as const;

/** Filters of `GET /api/deadlines`. */
export class DeadlineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() petitionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Unit staff always see their own unit's only" })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ enum: DEADLINE_QUERY_STATES, description: 'warning / overdue: open deadlines carrying that flag' })
  @IsOptional()
  @IsIn(DEADLINE_QUERY_STATES)
  state?: (typeof DEADLINE_QUERY_STATES)[number];
  @ApiPropertyOptional({ example: 'handling_standard' }) @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/) stage?: string;
}
