import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link WorkItemContributionAddedPayload} on `petition.handling.v1`. */
export const WORK_ITEM_CONTRIBUTION_ADDED = 'work_item.contribution_added';

/**
 * A co-handler (协办) recorded its part of the work; the lead unit sees it on its own work item.
 * The summary is written by staff for the lead unit and must not carry petitioner contact data.
 */
export class WorkItemContributionAddedPayload {
  @IsUUID() contributionId!: string;
  /** The co-handler's own work item. */
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() assignmentId!: string;
  /** The co-handler unit. */
  @IsUUID() unitId!: string;
  @IsString() @Length(2, 5000) summary!: string;
  @IsOptional() @IsUUID() addedBy?: string | null;
  @IsISO8601({ strict: true }) addedAt!: string;
}
