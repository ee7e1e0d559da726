import { Injectable } from '@nestjs/common';
import type { DeadlineRef } from '@petition/contracts';
import {
  Deadline,
  defaultRuleSet,
  formatInstant,
  isStageId,
  loadCalendar,
  shanghaiDateOf,
  type DeadlineRecord,
  type RuleSet,
  type StageId,
  type WorkCalendar,
} from '@petition/deadlines';

/** Stage used to hold a deadline whose stage id the rule set does not know (the due date is taken from the event). */
const FALLBACK_STAGE: StageId = 'handling_fast';

/**
 * Turns the deadlines other services fixed (a {@link DeadlineRef} in their events) into
 * libs/deadlines `Deadline` records supervision can store, extend, pause and judge. The due date
 * in the event is authoritative (fixed when the step started); the library's own computation is
 * only used to recover the rest of the record (kind, warning policy, ladder).
 */
@Injectable()
export class DeadlineBook {
  readonly calendar: WorkCalendar = loadCalendar();
  readonly rules: RuleSet = defaultRuleSet();

  /** The deadline an event carries, with exactly the due date the event fixed. */
  fromRef(ref: DeadlineRef): Deadline {
    const stage = isStageId(ref.stage) ? ref.stage : FALLBACK_STAGE;
    const plain = Deadline.start({ start: ref.startedAt, stage, rules: this.rules, calendar: this.calendar });
    if (Date.parse(plain.due) === Date.parse(ref.due)) return plain;
    // first_contact of an urgent matter runs 24 hours; any other mismatch keeps the event's due date.
    const urgent = this.tryStart(ref.startedAt, stage, true);
    if (urgent !== null && Date.parse(urgent.due) === Date.parse(ref.due)) return urgent;
    return this.withDue(plain, ref.due);
  }

  /** The `triage` deadline, computed here because intake's event carries only the registration time. */
  triage(registeredAt: string): Deadline {
    return Deadline.start({ start: registeredAt, stage: 'triage', rules: this.rules, calendar: this.calendar });
  }

  /** A stored record. */
  load(record: DeadlineRecord): Deadline {
    return Deadline.fromJSON(record, this.calendar);
  }

  /**
   * Applies an approved extension whose new due date was fixed by handling. The event carries the
   * new due, not the days, so the days are found by the library's own arithmetic (the one whose
   * result matches); when none matches the due date is taken as given.
   */
  extendTo(deadline: Deadline, newDue: string, at: string, by: string, reason: string): Deadline {
    const target = Date.parse(newDue);
    if (target === deadline.dueMs) return deadline;
    const estimate = Math.round((target - deadline.dueMs) / 86_400_000);
    // Several lengths can end on the same working day after a holiday: the shortest is recorded.
    for (let days = Math.max(1, estimate - 12); days <= Math.max(1, estimate + 3); days++) {
      try {
        const extended = deadline.extend({ days, at, by, reason });
        if (extended.dueMs === target) return extended;
      } catch {
        // Too many days for the cap, not extendable, or too late: try the next, else keep handling's due date.
      }
    }
    return this.withDue(deadline, newDue);
  }

  /**
   * Records a closed pause (hearing time, 条例 Art. 36) by the library's rules; the due date
   * the appeal's event carries wins when the two disagree.
   */
  pauseTo(deadline: Deadline, from: string, to: string, newDue: string, reason: string): Deadline {
    try {
      const paused = deadline.pause({ from, to, by: 'hearing', reason });
      return paused.dueMs === Date.parse(newDue) ? paused : this.withDue(paused, newDue);
    } catch {
      return this.withDue(deadline, newDue);
    }
  }

  /** A copy whose due date is `due`, the warning moved by as much (never after the due date). */
  private withDue(deadline: Deadline, due: string): Deadline {
    const record = deadline.toJSON();
    const dueMs = Date.parse(due);
    const shift = dueMs - deadline.dueMs;
    const warningMs = Math.min(Date.parse(record.warningAt) + shift, dueMs);
    return Deadline.fromJSON(
      { ...record, due: formatInstant(dueMs), warningAt: formatInstant(warningMs), lastDay: shanghaiDateOf(dueMs - 1) },
      this.calendar,
    );
  }

  private tryStart(start: string, stage: StageId, urgent: boolean): Deadline | null {
    try {
      return Deadline.start({ start, stage, rules: this.rules, calendar: this.calendar, urgent });
    } catch {
      return null;
    }
  }
}
