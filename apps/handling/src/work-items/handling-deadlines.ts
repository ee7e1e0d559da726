import { Injectable } from '@nestjs/common';
import { toOffsetIso, type DeadlineRef, type HandlingStage } from '@petition/contracts';
import {
  Deadline,
  DeadlinesError,
  computeDue,
  defaultRuleSet,
  loadCalendar,
  type DeadlineRecord,
  type DueResult,
  type PeriodLimit,
  type RuleSet,
  type WorkCalendar,
} from '@petition/deadlines';

/**
 * Fixes the deadlines that start at acceptance, from libs/deadlines, with the rule set in force
 * then; a later rule change never moves them (docs/rules.md: a deadline is fixed when its step starts).
 */
@Injectable()
export class HandlingDeadlines {
  private readonly calendar: WorkCalendar = loadCalendar();
  private readonly rules: RuleSet = defaultRuleSet();

  /** Handling (the stage dispatch named) and first contact, both starting at `acceptedAt`, with when handling turns to warning. */
  atAcceptance(
    stage: HandlingStage,
    acceptedAt: Date,
  ): { handling: DeadlineRef; firstContact: DeadlineRef; handlingWarningAt: Date; handlingRecord: DeadlineRecord } {
    const handling = computeDue({ start: acceptedAt, stage, rules: this.rules, calendar: this.calendar });
    const record = Deadline.start({ start: acceptedAt, stage, rules: this.rules, calendar: this.calendar }).toJSON();
    return {
      handling: toRef(handling, acceptedAt),
      firstContact: toRef(
        computeDue({ start: acceptedAt, stage: 'first_contact', rules: this.rules, calendar: this.calendar }),
        acceptedAt,
      ),
      handlingWarningAt: new Date(handling.warningAt),
      handlingRecord: record,
    };
  }

  /** How long a handling stage runs from acceptance under the rule set in force (null for a stage it does not know). */
  periodOf(stage: string | null): PeriodLimit | null {
    if (!stage || !this.rules.has(stage)) return null;
    const rule = this.rules.stage(stage);
    return { kind: rule.kind, limit: rule.limit };
  }

  /** End of the window in which the unit may return a misrouted assignment (`unit_return`, from delivery). */
  returnWindowEnd(assignedAt: Date): Date {
    return new Date(computeDue({ start: assignedAt, stage: 'unit_return', rules: this.rules, calendar: this.calendar }).due);
  }

  /** A stored handling deadline, to extend or query by the library's rules. */
  load(record: Record<string, unknown>): Deadline {
    return Deadline.fromJSON(record as unknown as DeadlineRecord, this.calendar);
  }

  /**
   * When a deadline fixed elsewhere (dispatch's acceptance deadline) turns to warning, by the
   * warning policy of the rule set; the due date itself is taken as dispatch fixed it.
   */
  warningAt(ref: DeadlineRef): Date {
    const result = computeDue({ start: ref.startedAt, stage: ref.stage, rules: this.rules, calendar: this.calendar });
    return new Date(Math.min(Date.parse(result.warningAt), Date.parse(ref.due)));
  }

  /**
   * {@link warningAt} for a deadline another service fixed on a stage this rule set may not know
   * (supervision's rework deadline): then the default warning share applies, 20 % of the period left.
   */
  warningAtOrDue(ref: DeadlineRef): Date {
    try {
      return this.warningAt(ref);
    } catch (err) {
      if (!(err instanceof DeadlinesError)) throw err;
      const start = Date.parse(ref.startedAt);
      const due = Date.parse(ref.due);
      return new Date(due - Math.max(0, due - start) * 0.2);
    }
  }
}

function toRef(due: DueResult, start: Date): DeadlineRef {
  return { stage: due.stage, startedAt: toOffsetIso(start), due: due.due, ruleSet: due.ruleSetVersion, provisional: due.provisional };
}
