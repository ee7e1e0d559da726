import 'reflect-metadata';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** Type name of {@link PetitionClosedPayload} on `petition.supervision.v1`. */
export const PETITION_CLOSED = 'petition.closed';

/** The matter is closed after delivery, callback and evaluation; appeals may still reopen it. */
export class PetitionClosedPayload {
  @IsUUID() petitionId!: string;
  @IsOptional() @IsUUID() unitId?: string | null;
  @IsISO8601({ strict: true }) closedAt!: string;
}
