import { Injectable } from '@nestjs/common';
import { computeDue, defaultRuleSet, loadCalendar, type RuleSet, type WorkCalendar } from '@petition/deadlines';
import { Track, toOffsetIso, type DeadlineRef, type HandlingStage } from '@petition/contracts';

/** The handling stage each track picks (docs/rules.md, Default deadlines). */
const HANDLING_STAGE: Record<Track, HandlingStage> = {
  [Track.Standard]: 'handling_standard',
  [Track.Fast]: 'handling_fast',
  [Track.Suggestion]: 'handling_suggestion',
};

/**
 * Fixes an assignment's deadlines from libs/deadlines when the step starts, with the rule-set
 * version used, so a later rule change never moves them. The calendar is loaded once.
 */
@Injectable()
export class AssignmentDeadlines {
  private readonly calendar: WorkCalendar = loadCalendar();
  private readonly rules: RuleSet = defaultRuleSet();

  /** The unit's acceptance deadline (`unit_accept`), starting when the assignment is delivered. */
  unitAccept(start: Date): DeadlineRef {
    return this.fix('unit_accept', start);
  }

  /** The unit's window to return a misrouted assignment (`unit_return`), from delivery. */
  unitReturn(start: Date): DeadlineRef {
    return this.fix('unit_return', start);
  }

  /** The manual queue's SLA (`triage`): from registration, or from the return that re-queued the matter. */
  triage(start: Date): DeadlineRef {
    return this.fix('triage', start);
  }

  /**
   * Only the stage id: the handling deadline legally starts at acceptance (条例 Art. 34), which
   * dispatch never sees, so handling and supervision fix it then.
   */
  handlingStage(track: Track): HandlingStage {
    return HANDLING_STAGE[track];
  }

  private fix(stage: string, start: Date): DeadlineRef {
    const due = computeDue({ start, stage, rules: this.rules, calendar: this.calendar });
    return { stage: due.stage, startedAt: toOffsetIso(start), due: due.due, ruleSet: due.ruleSetVersion, provisional: due.provisional };
  }
}
