import { IsEnum, IsISO8601, IsUUID } from 'class-validator';
import { AssignmentRole } from '../enums';

/** Type name of {@link WorkItemOpenedPayload} on `petition.handling.v1`. */
export const WORK_ITEM_OPENED = 'work_item.opened';

/** A unit's work item was created from an assignment and is in its inbox. */
export class WorkItemOpenedPayload {
  @IsUUID()
  workItemId!: string;

  @IsUUID()
  petitionId!: string;

  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  unitId!: string;

  @IsEnum(AssignmentRole)
  role!: AssignmentRole;

  @IsISO8601({ strict: true })
  openedAt!: string;
}
