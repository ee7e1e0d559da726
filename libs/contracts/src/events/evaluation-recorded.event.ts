import { IsBoolean, IsEnum, IsISO8601, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Satisfaction } from './evaluation-submitted.event';

/** Type name of {@link EvaluationRecordedPayload} on `petition.supervision.v1`. */
export const EVALUATION_RECORDED = 'evaluation.recorded';

/** Where an evaluation came from: the petitioner online, or staff on a callback (回访). */
export enum EvaluationSource {
  Petitioner = 'petitioner',
  Callback = 'callback',
}

/**
 * Supervision recorded an evaluation of a delivered reply; it counts for the lead unit. After a
 * rework the evaluation of the latest round is the one that counts.
 */
export class EvaluationRecordedPayload {
  @IsUUID() evaluationId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsUUID() replyId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  @IsEnum(Satisfaction) satisfaction!: Satisfaction;
  @IsBoolean() solved!: boolean;
  @IsEnum(EvaluationSource) source!: EvaluationSource;
  @IsISO8601({ strict: true }) recordedAt!: string;
}
