import { IsISO8601, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** Type name of {@link PetitionRepeatLinkedPayload} on `petition.intake.v1`. */
export const PETITION_REPEAT_LINKED = 'petition.repeat_linked';

/** A new petition was the same matter as an open one (条例 Art. 19) and was linked to it; counts as 重复信访. */
export class PetitionRepeatLinkedPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsUUID()
  originalPetitionId!: string;

  @IsString()
  @Length(1, 40)
  originalTrackingNo!: string;

  /** Text similarity the detector measured (0–1); 1 when a clerk linked it by hand. */
  @IsNumber()
  @Min(0)
  @Max(1)
  similarity!: number;

  @IsISO8601({ strict: true })
  linkedAt!: string;
}
