import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link PetitionQueuedPayload} on `petition.dispatch.v1`. */
export const PETITION_QUEUED = 'petition.queued_for_dispatcher';

/** No routing rule covered the petition (or it is flagged for leaders): a dispatcher must assign it. */
export class PetitionQueuedPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 200)
  reason!: string;

  @IsISO8601({ strict: true })
  queuedAt!: string;
}
