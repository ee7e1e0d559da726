import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link WorkItemAcceptedPayload} on `petition.handling.v1`. */
export const WORK_ITEM_ACCEPTED = 'work_item.accepted';

/**
 * The lead unit accepted (受理) the matter. The handling and first-contact deadlines start now
 * and are fixed here, with the rule set used, for every service to hold the unit to.
 */
export class WorkItemAcceptedPayload {
  @IsUUID()
  workItemId!: string;

  @IsUUID()
  petitionId!: string;

  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  unitId!: string;

  @IsISO8601({ strict: true })
  acceptedAt!: string;

  /** Accepted before the `unit_accept` deadline. */
  @IsBoolean()
  acceptedOnTime!: boolean;

  @ValidateNested()
  @Type(() => DeadlineRef)
  handlingDeadline!: DeadlineRef;

  @ValidateNested()
  @Type(() => DeadlineRef)
  firstContactDeadline!: DeadlineRef;
}
