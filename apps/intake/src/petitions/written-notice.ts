import { Injectable } from '@nestjs/common';
import { TriageOutcome } from '@petition/contracts';
import { computeStatutoryDue, defaultRuleSet, loadCalendar, type RuleSet, type WorkCalendar } from '@petition/deadlines';

/** Outcomes that do not accept the matter: the petitioner is owed a written notice (告知) of them. */
const NOTICE_OWED: ReadonlySet<string> = new Set([
  TriageOutcome.Inform,
  TriageOutcome.Forward,
  TriageOutcome.Refuse,
  TriageOutcome.LinkRepeat,
]);

/**
 * The written notice of a triage decision: when the petitioner must have it. The regulation gives
 * the bureau 15 days from receipt to decide and tell the petitioner in writing (条例 Art. 22) —
 * the statutory cap of the `triage` stage, counted on the official calendar. A matter sent to the
 * units owes no notice here (the unit's acceptance notice is its own deadline, `unit_accept`), nor
 * does one answered on the spot (the petitioner heard the answer in person).
 */
@Injectable()
export class WrittenNoticeDeadline {
  private readonly calendar: WorkCalendar = loadCalendar();
  private readonly rules: RuleSet = defaultRuleSet();

  /** The due instant for a matter received at `receivedAt` and decided with `outcome`, or null when no notice is owed. */
  dueFor(outcome: string | null, receivedAt: Date): Date | null {
    if (!outcome || !NOTICE_OWED.has(outcome)) return null;
    return new Date(computeStatutoryDue({ start: receivedAt, stage: 'triage', rules: this.rules, calendar: this.calendar }).due);
  }
}
