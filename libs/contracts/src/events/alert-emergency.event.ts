import { IsArray, IsBoolean, IsISO8601, IsString, IsUUID, Length, ArrayMaxSize } from 'class-validator';

/** Type name of {@link AlertEmergencyPayload} on `petition.intake.v1`. */
export const ALERT_EMERGENCY = 'alert.emergency';

/**
 * A petition signals an emergency (self-harm, violence, mass gathering, blocked roads…), set by
 * the clerk or detected in the content. Published at registration, before any triage.
 */
export class AlertEmergencyPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsString()
  @Length(6, 12)
  regionCode!: string;

  /** True when a clerk flagged it; false when only the detector did. */
  @IsBoolean()
  flaggedByClerk!: boolean;

  /** The signal kinds the detector matched (`self_harm`, `violence`, …), never the text itself. */
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  signals!: string[];

  @IsISO8601({ strict: true })
  raisedAt!: string;
}
