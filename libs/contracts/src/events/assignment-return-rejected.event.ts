import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link AssignmentReturnRejectedPayload} on `petition.dispatch.v1`. */
export const ASSIGNMENT_RETURN_REJECTED = 'assignment.return_rejected';

/** A dispatcher rejected a unit's return: the assignment stays with the unit, deadlines unchanged. */
export class AssignmentReturnRejectedPayload {
  @IsUUID()
  returnId!: string;

  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  petitionId!: string;

  @IsUUID()
  unitId!: string;

  /** The dispatcher's reason, told to the unit. */
  @IsString()
  @Length(1, 2000)
  decisionNote!: string;

  @IsISO8601({ strict: true })
  rejectedAt!: string;
}
