import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Type name of {@link EvaluationSubmittedPayload} on `petition.intake.v1`. */
export const EVALUATION_SUBMITTED = 'evaluation.submitted';

/** The petitioner's verdict on a reply (满意度). */
export enum Satisfaction {
  Satisfied = 'satisfied',
  BasicallySatisfied = 'basically_satisfied',
  Dissatisfied = 'dissatisfied',
}

/** The petitioner evaluated the reply through the public channel; supervision scores it. */
export class EvaluationSubmittedPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsEnum(Satisfaction)
  satisfaction!: Satisfaction;

  @IsBoolean()
  solved!: boolean;

  /** Free text from the petitioner (may be empty); PII in it is the petitioner's own choice. */
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string | null;

  @IsISO8601({ strict: true })
  submittedAt!: string;
}
