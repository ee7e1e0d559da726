import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Type name of {@link AssessmentPublishedPayload} on `petition.supervision.v1`. */
export const ASSESSMENT_PUBLISHED = 'assessment.published';

/** One unit's line in a published ranking. */
export class PublishedUnitScore {
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) rank!: number;
  @IsNumber() @Min(0) @Max(100) score!: number;
  @IsBoolean() tooFewMatters!: boolean;
}

/**
 * Supervision closed an assessment period (考核) and published the ranking. It names the scheme
 * version it used, so anyone can recompute it from the events with the same result. The envelope's
 * petitionId is null: the event is about units, not one petition.
 */
export class AssessmentPublishedPayload {
  @IsUUID() assessmentId!: string;
  /** `2026-11`, `2026-Q4` or `2026`. */
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/) period!: string;
  @IsString() @Length(1, 40) scheme!: string;
  @IsInt() @Min(1) schemeVersion!: number;
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => PublishedUnitScore) units!: PublishedUnitScore[];
  @IsISO8601({ strict: true }) publishedAt!: string;
}
