import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link AppealHearingRecordedPayload} on `petition.supervision.v1`. */
export const APPEAL_HEARING_RECORDED = 'appeal.hearing_recorded';

/**
 * A hearing (听证) of a re-examination took place from `from` to `to`. Hearing time is not counted
 * (条例 Art. 36): the decision deadline is paused for it, and `decisionDeadline` is the deadline
 * as it stands after the pause (same stage and start, later due date).
 */
export class AppealHearingRecordedPayload {
  @IsUUID() appealId!: string;
  @IsUUID() petitionId!: string;
  @IsIn(['reexamination']) kind!: 'reexamination';
  @IsISO8601({ strict: true }) from!: string;
  @IsISO8601({ strict: true }) to!: string;
  @ValidateNested() @Type(() => DeadlineRef) decisionDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) recordedAt!: string;
}
