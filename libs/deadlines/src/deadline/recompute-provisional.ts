import type { WorkCalendar } from '../calendar/work-calendar.model';
import { formatDay } from '../time/civil-date.util';
import { formatInstant, toEpochMs } from '../time/instant.util';
import type { InstantInput } from '../time/instant.util';
import { fromRecord } from './deadline-record.codec';
import { Deadline } from './deadline.model';
import type { CalendarRevisionRecord, DeadlineRecord } from './deadline.types';

/** Result of {@link recomputeProvisional}. */
export type RecomputeOutcome =
  | { readonly outcome: 'unchanged'; readonly reason: string }
  | { readonly outcome: 'recomputed'; readonly deadline: Deadline; readonly revision: CalendarRevisionRecord };

/**
 * Recomputes a deadline that was computed on the provisional calendar, once the calendar has
 * the official days it depended on. Returns `unchanged` when there is nothing to do: the
 * deadline was final (deadlines are fixed when their step starts), the calendar is the same
 * revision, or the days it depends on are still provisional (so it is recomputed once per
 * official year, not on every reload). Otherwise the due date, warning and provisional flag are
 * recomputed from the stored start, rule parameters, pauses and extensions, and the change is
 * appended to `revisions` (store the returned deadline even when `dueChanged` is false: its
 * provisional flag and calendar revision changed).
 * @param options.at when the service applies the revision (recorded; optional, the library reads no clock).
 * @throws DeadlinesError `InvalidRecord` for a malformed record.
 */
export function recomputeProvisional(
  stored: Deadline | DeadlineRecord | string,
  calendar: WorkCalendar,
  options: { readonly at?: InstantInput } = {},
): RecomputeOutcome {
  const state = stored instanceof Deadline ? stored.data : fromRecord(stored);
  if (state.provisionalFrom === null) return { outcome: 'unchanged', reason: 'not provisional: the due date is final' };
  if (state.calendarRevision === calendar.revision)
    return { outcome: 'unchanged', reason: `already computed on calendar ${calendar.revision}` };
  const from = formatDay(state.provisionalFrom);
  if (calendar.isProvisional(from)) {
    return { outcome: 'unchanged', reason: `the official schedule for ${from} is still not loaded (calendar ${calendar.revision})` };
  }
  const next = Deadline.settled(state, calendar);
  const revision: CalendarRevisionRecord = {
    fromRevision: state.calendarRevision,
    toRevision: calendar.revision,
    previousDue: formatInstant(state.dueMs),
    due: next.due,
    dueChanged: next.dueMs !== state.dueMs,
    provisional: next.provisional,
    at: options.at === undefined ? null : formatInstant(toEpochMs(options.at, 'at')),
  };
  const deadline = Deadline.settled({ ...next.data, revisions: [...state.revisions, revision] }, calendar);
  return { outcome: 'recomputed', deadline, revision };
}
