import { Injectable } from '@nestjs/common';
import { toOffsetIso, type DeadlineRef } from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar, type DeadlineRecord, type RuleSet, type WorkCalendar } from '@petition/deadlines';

/** Stages of the matter flow after the reply (docs/rules.md, Default deadlines). */
export type FlowStage =
  'reply_delivery' | 'callback' | 'review_request' | 'review_decision' | 'reexam_request' | 'reexam_decision' | 'handling_fast';

/**
 * The deadlines the matter flow's events carry, fixed from libs/deadlines when their step starts
 * with the rule set in force then. Calendar and rules load once per process. Supervision's deadline
 * tracker opens and closes deadlines from these events; this class only computes them.
 */
@Injectable()
export class FlowDeadlines {
  private readonly calendar: WorkCalendar = loadCalendar();
  private readonly rules: RuleSet = defaultRuleSet();

  /** A stage whose clock starts at `start`, as a full record (for pauses) and as the ref events carry. */
  start(stage: FlowStage, start: Date): Deadline {
    return Deadline.start({ start, stage, rules: this.rules, calendar: this.calendar });
  }

  /** The ref of a stage starting at `start`. */
  ref(stage: FlowStage, start: Date): DeadlineRef {
    return FlowDeadlines.toRef(this.start(stage, start));
  }

  /** A stored record, to pause or complete by the library's rules. */
  load(record: Record<string, unknown>): Deadline {
    return Deadline.fromJSON(record as unknown as DeadlineRecord, this.calendar);
  }

  /** The ref of a deadline (its due date after pauses and extensions). */
  static toRef(d: Deadline): DeadlineRef {
    return { stage: d.stage, startedAt: d.start, due: d.due, ruleSet: d.ruleSetVersion, provisional: d.provisional };
  }

  /** `toOffsetIso` for optional instants of views. */
  static iso(at: Date | null): string | null {
    return at ? toOffsetIso(at) : null;
  }
}
