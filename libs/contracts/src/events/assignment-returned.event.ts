import { IsBoolean, IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link AssignmentReturnedPayload} on `petition.dispatch.v1`. */
export const ASSIGNMENT_RETURNED = 'assignment.returned';

/**
 * A dispatcher confirmed a unit's return: the assignment is `returned` and the matter goes back
 * to routing (a new `petition.assigned` follows, or `petition.queued_for_dispatcher`). A confirmed
 * return does not count against the unit's acceptance rate (docs/rules.md, Unit scores).
 */
export class AssignmentReturnedPayload {
  @IsUUID()
  returnId!: string;

  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  petitionId!: string;

  @IsUUID()
  unitId!: string;

  @IsString()
  @Length(1, 2000)
  reason!: string;

  @IsISO8601({ strict: true })
  requestedAt!: string;

  @IsISO8601({ strict: true })
  confirmedAt!: string;

  /** Always false: a confirmed return was a routing error, not the unit's. */
  @IsBoolean()
  countsAgainstUnit!: boolean;

  /** The matter has now been returned twice or more and waits in the manual queue, flagged. */
  @IsBoolean()
  escalated!: boolean;
}
