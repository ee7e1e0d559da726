import { Injectable } from '@nestjs/common';
import { Track, toOffsetIso, type DeadlineRef } from '@petition/contracts';
import { computeDue, defaultRuleSet, loadCalendar, type RuleSet, type WorkCalendar } from '@petition/deadlines';

/** The handling stage each track runs under (RULES.md, Default deadlines). */
export const HANDLING_STAGE_BY_TRACK: Record<Track, 'handling_standard' | 'handling_fast' | 'handling_suggestion'> = {
  [Track.Standard]: 'handling_standard',
  [Track.Fast]: 'handling_fast',
  [Track.Suggestion]: 'handling_suggestion',
};

/**
 * Fixes the deadlines that start at acceptance, from libs/deadlines, with the rule set in force
 * then; a later rule change never moves them (RULES.md: a deadline is fixed when its step starts).
 */
@Injectable()
export class HandlingDeadlines {
  private readonly calendar: WorkCalendar = loadCalendar();
  private readonly rules: RuleSet = defaultRuleSet();

  /** Handling (by track) and first contact, both starting at `acceptedAt`. */
  atAcceptance(track: Track, acceptedAt: Date): { handling: DeadlineRef; firstContact: DeadlineRef } {
    return { handling: this.fix(HANDLING_STAGE_BY_TRACK[track], acceptedAt), firstContact: this.fix('first_contact', acceptedAt) };
  }

  private fix(stage: string, start: Date): DeadlineRef {
    const due = computeDue({ start, stage, rules: this.rules, calendar: this.calendar });
    return { stage: due.stage, startedAt: toOffsetIso(start), due: due.due, ruleSet: due.ruleSetVersion, provisional: due.provisional };
  }
}
