import 'reflect-metadata';
import { IsIn, IsISO8601, IsUUID } from 'class-validator';

/** Type name of {@link PetitionConcludedPayload} on `petition.supervision.v1`. */
export const PETITION_CONCLUDED = 'petition.concluded';

/** The matter is concluded (终结, 条例 Art. 36): intake refuses a new petition on the same facts. */
export class PetitionConcludedPayload {
  @IsUUID() petitionId!: string;
  @IsIn(['reexamination_decided']) reason!: 'reexamination_decided';
  @IsISO8601({ strict: true }) concludedAt!: string;
}
