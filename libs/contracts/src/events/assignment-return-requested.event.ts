import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/**
 * Type name of {@link AssignmentReturnRequestedPayload}. Handling publishes it on
 * `petition.handling.v1` when the lead unit returns a misrouted assignment (退回) from its
 * workbench; dispatch consumes it exactly as if the unit had called
 * `POST /api/assignments/:id/returns` on dispatch.
 */
export const ASSIGNMENT_RETURN_REQUESTED = 'assignment.return_requested';

/** The lead unit asks the bureau to take back an assignment it is not competent for (条例 Art. 23). */
export class AssignmentReturnRequestedPayload {
  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  petitionId!: string;

  /** The returning unit; must be the assignment's lead unit. */
  @IsUUID()
  unitId!: string;

  /** Why the unit is not competent (e.g. which unit is). */
  @IsString()
  @Length(1, 2000)
  reason!: string;

  /** Staff subject who asked. */
  @IsString()
  @Length(1, 100)
  requestedBy!: string;

  /** Must fall inside the assignment's `unit_return` window. */
  @IsISO8601({ strict: true })
  requestedAt!: string;
}
