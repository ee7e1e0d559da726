import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link WorkItemReworkStartedPayload} on `petition.handling.v1`. */
export const WORK_ITEM_REWORK_STARTED = 'work_item.rework_started';

/** The lead unit's work item reopened because supervision returned its reply (review.returned). */
export class WorkItemReworkStartedPayload {
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsUUID() reviewId!: string;
  /** The round the next reply will carry. */
  @IsInt() @Min(2) @Max(100) round!: number;
  @IsString() @Length(2, 2000) reason!: string;
  @ValidateNested() @Type(() => DeadlineRef) reworkDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) startedAt!: string;
}
