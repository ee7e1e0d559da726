import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { Track, WorkItemStatus } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

/** Where a work item stands against the deadline it is held to now. */
export const DEADLINE_STATES = ['on_track', 'warning', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Filters of the unit inbox, `GET /api/work-items`. */
export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WorkItemStatus })
  @IsOptional()
  @IsEnum(WorkItemStatus)
  status?: WorkItemStatus;

  @ApiPropertyOptional({ enum: Track })
  @IsOptional()
  @IsEnum(Track)
  track?: Track;

  @ApiPropertyOptional({ description: 'Only items whose current deadline is before this instant', example: '2026-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: DEADLINE_STATES,
    description: 'warning: inside the warning window; overdue: past the deadline (open items only)',
  })
  @IsOptional()
  @IsIn(DEADLINE_STATES)
  state?: DeadlineState;

  @ApiPropertyOptional({ description: 'true: only petitions signalling an emergency (紧急信息); false: only the others' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'emergency must be true or false' })
  emergency?: boolean;

  @ApiPropertyOptional({ description: 'A tracking number (exact) or words of the title', example: '积水', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
