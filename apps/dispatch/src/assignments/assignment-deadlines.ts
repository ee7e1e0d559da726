import { Injectable } from '@nestjs/common';
import { computeDue, defaultRuleSet, loadCalendar, type RuleSet, type WorkCalendar } from '@petition/deadlines';
import { toOffsetIso, type DeadlineRef } from '@petition/contracts';

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
    const due = computeDue({ start, stage: 'unit_accept', rules: this.rules, calendar: this.calendar });
    return { stage: due.stage, startedAt: toOffsetIso(start), due: due.due, ruleSet: due.ruleSetVersion, provisional: due.provisional };
  }
}
