import { IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { Channel, Nature } from '../enums';

/** Type name of {@link PetitionRegisteredPayload} on `petition.intake.v1`. */
export const PETITION_REGISTERED = 'petition.registered';

/**
 * A petition was registered and triaged for dispatch. Carries what routing needs and nothing
 * that identifies the petitioner: a pseudonymous ref and a masked name.
 */
export class PetitionRegisteredPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsEnum(Channel)
  channel!: Channel;

  @IsEnum(Nature)
  nature!: Nature;

  @IsString()
  @Length(1, 200)
  title!: string;

  @IsString()
  @Matches(/^[A-Z0-9._-]{1,40}$/)
  categoryCode!: string;

  @IsString()
  @Matches(/^\d{6,12}$/)
  regionCode!: string;

  @IsString()
  @Length(1, 80)
  petitionerRef!: string;

  @IsString()
  @Length(1, 80)
  petitionerNameMasked!: string;

  @IsInt()
  @Min(1)
  headcount!: number;

  @IsBoolean()
  emergency!: boolean;

  @IsOptional()
  @IsUUID()
  accusedUnitId?: string | null;

  @IsISO8601({ strict: true })
  registeredAt!: string;
}
