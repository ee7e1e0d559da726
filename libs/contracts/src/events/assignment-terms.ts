import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Handling deadline stages an assignment's track picks (RULES.md, Default deadlines). */
export const HANDLING_STAGES = ['handling_standard', 'handling_fast', 'handling_suggestion'] as const;

/** One of {@link HANDLING_STAGES}. */
export type HandlingStage = (typeof HANDLING_STAGES)[number];

/**
 * Fields dispatch adds to every `petition.assigned` payload (additive: consumers that validate
 * with `PetitionAssignedPayload` alone ignore them). The return window is fixed at assignment.
 * The handling deadline is NOT: it legally starts at acceptance (条例 Art. 34), so dispatch
 * publishes only the stage id and handling/supervision fix the due date when the unit accepts,
 * with the rule set in force then.
 */
export class AssignmentTerms {
  /** `unit_return` window (5 working days from delivery), fixed at assignment. */
  @ValidateNested()
  @Type(() => DeadlineRef)
  returnDeadline!: DeadlineRef;

  /** The handling stage the track picks; its clock starts at acceptance. */
  @IsIn(HANDLING_STAGES)
  handlingStage!: HandlingStage;
}
