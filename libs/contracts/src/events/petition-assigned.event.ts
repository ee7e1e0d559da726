// @Type reads design metadata when the class is decorated.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Nature, Track } from '../enums';
import { DeadlineRef } from './deadline-ref';

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

  @IsOptional()
  @IsUUID()
  ruleId?: string | null;

  @IsISO8601({ strict: true })
  assignedAt!: string;
}
