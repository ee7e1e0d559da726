import { IsBoolean, IsISO8601, IsIn, IsOptional, IsUUID } from 'class-validator';

/** Type name of {@link WorkItemContactRecordedPayload} on `petition.handling.v1`. */
export const WORK_ITEM_CONTACT_RECORDED = 'work_item.contact_recorded';

/**
 * The lead unit contacted the petitioner. What was said stays in handling; the event carries
 * only what deadlines and scores need.
 */
export class WorkItemContactRecordedPayload {
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsISO8601({ strict: true }) contactedAt!: string;
  @IsIn(['phone', 'visit', 'meeting', 'letter', 'sms', 'online']) method!: string;
  /** The first contact, which ends the `first_contact` deadline. */
  @IsBoolean() first!: boolean;
  /** For the first contact: before its deadline. */
  @IsOptional() @IsBoolean() onTime?: boolean | null;
}
