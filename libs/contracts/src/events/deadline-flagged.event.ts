import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Type name of a warning (预警) on `petition.supervision.v1`: little of the period is left. */
export const DEADLINE_WARNING = 'deadline.warning';
/** Type name of an overdue flag (超期) on `petition.supervision.v1`: the deadline passed with the step undone. */
export const DEADLINE_OVERDUE = 'deadline.overdue';

/** Supervision's scheduler flagged a tracked deadline. Each flag fires once per deadline. */
export class DeadlineFlaggedPayload {
  @IsUUID() deadlineId!: string;
  @IsUUID() petitionId!: string;
  /** The unit held to it; null for stages the petition bureau or the petitioner owns. */
  @IsOptional() @IsUUID() unitId?: string | null;
  @IsString() @Length(1, 40) stage!: string;
  @IsISO8601({ strict: true }) due!: string;
  @IsIn(['warning', 'overdue']) flag!: 'warning' | 'overdue';
  @IsISO8601({ strict: true }) firedAt!: string;
}
