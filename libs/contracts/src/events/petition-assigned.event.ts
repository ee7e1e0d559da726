// @Type reads design metadata when the class is decorated.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { Nature, Track } from '../enums';
import { DeadlineRef } from './deadline-ref';

/** Handling deadline stages an assignment's track picks (docs/rules.md, Default deadlines). */
export const HANDLING_STAGES = ['handling_standard', 'handling_fast', 'handling_suggestion'] as const;

/** One of {@link HANDLING_STAGES}. */
export type HandlingStage = (typeof HANDLING_STAGES)[number];

/** Type name of {@link PetitionAssignedPayload} on `petition.dispatch.v1`. */
export const PETITION_ASSIGNED = 'petition.assigned';

/** The petition bureau assigned a petition (交办单) to a lead unit and co-handlers. */
export class PetitionAssignedPayload {
  @IsUUID()
  assignmentId!: string;

  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsUUID()
  leadUnitId!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coHandlerUnitIds!: string[];

  @IsEnum(Track)
  track!: Track;

  @IsEnum(Nature)
  nature!: Nature;

  @IsString()
  @Length(1, 200)
  title!: string;

  @IsString()
  @Length(1, 40)
  categoryCode!: string;

  @IsString()
  @Length(1, 12)
  regionCode!: string;

  @IsString()
  @Length(1, 80)
  petitionerNameMasked!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  instructions?: string | null;

  /** Acceptance deadline (`unit_accept`), fixed at assignment. */
  @ValidateNested()
  @Type(() => DeadlineRef)
  acceptDeadline!: DeadlineRef;

  /** Window for returning a misrouted assignment (`unit_return`, 5 working days), fixed at assignment. */
  @ValidateNested()
  @Type(() => DeadlineRef)
  returnDeadline!: DeadlineRef;

  /**
   * The handling stage the track picks. Its clock starts at acceptance (条例 Art. 34), so only the
   * stage travels here; handling fixes the due date when the unit accepts.
   */
  @IsIn(HANDLING_STAGES)
  handlingStage!: HandlingStage;

  @IsOptional()
  @IsUUID()
  ruleId?: string | null;

  @IsISO8601({ strict: true })
  assignedAt!: string;

  /**
   * The petition signals an emergency (紧急信息): units see it first in their inbox. Optional, so
   * events written before it was carried read as false.
   */
  @IsOptional()
  @IsBoolean()
  emergency?: boolean;
}
