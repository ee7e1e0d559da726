import { IsEnum, IsISO8601, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link AppealRequestedPayload} on `petition.intake.v1`. */
export const APPEAL_REQUESTED = 'appeal.requested';

/** Which appeal the petitioner asks for (复查 under 条例 Art. 35, 复核 under Art. 36). */
export enum AppealKind {
  Review = 'review',
  Reexamination = 'reexamination',
}

/** The petitioner requested a review or re-examination through the public channel. */
export class AppealRequestedPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsEnum(AppealKind)
  kind!: AppealKind;

  @IsString()
  @Length(5, 5000)
  grounds!: string;

  @IsISO8601({ strict: true })
  requestedAt!: string;
}
