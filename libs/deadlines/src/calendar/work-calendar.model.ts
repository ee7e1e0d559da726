import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { dayOfWeek, formatDay, parseDay, shanghaiDayOf, yearOfDay } from '../time/civil-date.util';
import { toEpochMs } from '../time/instant.util';
import type { InstantInput } from '../time/instant.util';
import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY } from './calendar-range';

/** Where a day's working/rest status comes from. */
export type DaySource = 'official' | 'override' | 'provisional';

/** A day as the calendar sees it. */
export interface CalendarDay {
  /** `YYYY-MM-DD` (Asia/Shanghai). */
  readonly date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  readonly weekday: number;
  /** True when offices work that day. */
  readonly workday: boolean;
  /** True when the status may still change once the official year is loaded. */
  readonly provisional: boolean;
  /** Which data decided the status. */
  readonly source: DaySource;
  /** Holiday or make-up-day name, or the override reason; null for ordinary days. */
  readonly name: string | null;
}

/** What the calendar knows, for logs and health pages. */
export interface CalendarCoverage {
  /** Years with a loaded State Council schedule (packaged data or override file). */
  readonly officialYears: readonly number[];
  /** First provisional day on or after 2000-01-01 that follows the official years, or null. */
  readonly provisionalFrom: string | null;
  /** Range of days the calendar can answer for. */
  readonly supportedFrom: string;
  /** Range of days the calendar can answer for (inclusive). */
  readonly supportedTo: string;
}

/** Precomputed tables handed over by the loader. Index i is day number `CALENDAR_FIRST_DAY + i`. */
export interface CalendarTables {
  readonly work: Uint8Array;
  readonly provisional: Uint8Array;
  /** workPrefix[i] = number of workdays at indices < i. */
  readonly workPrefix: Int32Array;
  /** provisionalPrefix[i] = number of provisional days at indices < i. */
  readonly provisionalPrefix: Int32Array;
  /** Indices of all workdays, ascending. */
  readonly workdays: Int32Array;
  readonly names: ReadonlyMap<number, string>;
  readonly overrideDays: ReadonlySet<number>;
  readonly officialYears: readonly number[];
  readonly revision: string;
  readonly notices: readonly string[];
}

/** Deadlines reach at most ~100 days ahead (60 + 30 + pauses); warn well before that. */
const WARNING_HORIZON_DAYS = 400;

/**
 * The working-day calendar of Asia/Shanghai: official schedule, local overrides and the
 * provisional calendar, as O(1) lookup tables over day numbers (2000-01-01..2099-12-31).
 * Immutable; build it once with `loadCalendar()` and share it.
 *
 * Public methods take `YYYY-MM-DD` strings; the `*Day` methods take day numbers (days since
 * 1970-01-01) and exist for the due-date arithmetic, which must stay allocation-free.
 */
export class WorkCalendar {
  /**
   * Identifies the exact calendar content (official years, override label, content hash).
   * Stored with every deadline; a different value after a reload means the calendar changed.
   */
  readonly revision: string;
  /** Informational notes from loading (e.g. an override year replacing packaged data). */
  readonly notices: readonly string[];
  private readonly t: CalendarTables;

  /** Use `loadCalendar()`; the tables must come from the loader. */
  constructor(tables: CalendarTables) {
    this.t = tables;
    this.revision = tables.revision;
    this.notices = tables.notices;
  }

  /** Years with a loaded State Council schedule, ascending. */
  get officialYears(): readonly number[] {
    return this.t.officialYears;
  }

  /** What the calendar covers and from when it is provisional. */
  coverage(): CalendarCoverage {
    const p = this.firstProvisionalOnOrAfterDay(CALENDAR_FIRST_DAY + this.leadingProvisionalDays());
    return {
      officialYears: this.t.officialYears,
      provisionalFrom: p === null ? null : formatDay(p),
      supportedFrom: formatDay(CALENDAR_FIRST_DAY),
      supportedTo: formatDay(CALENDAR_LAST_DAY),
    };
  }

  /** True when offices work on `date` (`YYYY-MM-DD`). */
  isWorkday(date: string): boolean {
    return this.isWorkdayDay(this.checkDay(parseDay(date)));
  }

  /** True when `date`'s status comes from the provisional calendar. */
  isProvisional(date: string): boolean {
    return this.t.provisional[this.checkDay(parseDay(date)) - CALENDAR_FIRST_DAY] === 1;
  }

  /** Everything the calendar knows about one day. */
  describeDay(date: string): CalendarDay {
    const day = this.checkDay(parseDay(date));
    const provisional = this.t.provisional[day - CALENDAR_FIRST_DAY] === 1;
    return {
      date: formatDay(day),
      weekday: dayOfWeek(day),
      workday: this.isWorkdayDay(day),
      provisional,
      source: this.t.overrideDays.has(day) ? 'override' : provisional ? 'provisional' : 'official',
      name: this.t.names.get(day) ?? null,
    };
  }

  /**
   * The message to log at service start when deadlines computed now may reach provisional
   * days (within ~400 days), or null when they cannot.
   */
  startupWarning(now: InstantInput): string | null {
    const today = this.checkDay(shanghaiDayOf(toEpochMs(now, 'now')));
    const first = this.firstProvisionalOnOrAfterDay(today);
    if (first === null || first - today > WARNING_HORIZON_DAYS) return null;
    const years = this.t.officialYears;
    const coverage = years.length === 0 ? 'no official year is loaded' : `official data covers ${years[0]}-${years[years.length - 1]}`;
    // A provisional day inside an official year is its pending last week: next year is missing.
    const missing = years.includes(yearOfDay(first)) ? yearOfDay(first) + 1 : yearOfDay(first);
    return (
      `PROVISIONAL CALENDAR (临时工作日历) from ${formatDay(first)}: the State Council holiday schedule for ${missing} ` +
      `is not loaded (${coverage}, calendar ${this.revision}). Deadlines reaching these days use weekends plus the ` +
      `statutory holidays of 《全国年节及纪念日放假办法》 and are marked provisional; recompute them once the official ` +
      `year is loaded (update chinese-days or add it to the calendar override file).`
    );
  }

  /** True when the day number is a workday. */
  isWorkdayDay(day: number): boolean {
    return this.t.work[this.checkDay(day) - CALENDAR_FIRST_DAY] === 1;
  }

  /** First workday on or after `day` (the Civil Code Art. 203 roll-forward). */
  firstWorkdayOnOrAfterDay(day: number): number {
    const k = this.t.workPrefix[this.checkDay(day) - CALENDAR_FIRST_DAY];
    return this.workdayAt(k, day);
  }

  /** The `n`-th workday strictly after `day` (n ≥ 1). */
  nthWorkdayAfterDay(day: number, n: number): number {
    const k = this.t.workPrefix[this.checkDay(day) - CALENDAR_FIRST_DAY + 1];
    return this.workdayAt(k + n - 1, day);
  }

  /** The `n`-th workday counting back from `day` inclusive (n ≥ 1); clamps at the table start. */
  nthWorkdayOnOrBeforeDay(day: number, n: number): number {
    const k = this.t.workPrefix[this.checkDay(day) - CALENDAR_FIRST_DAY + 1] - n;
    return k < 0 ? CALENDAR_FIRST_DAY : this.t.workdays[k] + CALENDAR_FIRST_DAY;
  }

  /** Number of workdays in `[from, to]` (inclusive; 0 when to < from). */
  workdaysInDays(from: number, to: number): number {
    if (to < from) return 0;
    return this.t.workPrefix[this.checkDay(to) - CALENDAR_FIRST_DAY + 1] - this.t.workPrefix[this.checkDay(from) - CALENDAR_FIRST_DAY];
  }

  /** First provisional day in `[from, to]`, or null. O(log n). */
  firstProvisionalInDays(from: number, to: number): number | null {
    if (to < from) return null;
    const p = this.t.provisionalPrefix;
    const lo0 = this.checkDay(from) - CALENDAR_FIRST_DAY;
    const hi0 = this.checkDay(to) - CALENDAR_FIRST_DAY;
    if (p[hi0 + 1] === p[lo0]) return null;
    let lo = lo0;
    let hi = hi0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid + 1] > p[lo0]) hi = mid;
      else lo = mid + 1;
    }
    return lo + CALENDAR_FIRST_DAY;
  }

  /** Throws a clear error for days outside the tables; returns the day unchanged otherwise. */
  checkDay(day: number): number {
    if (day >= CALENDAR_FIRST_DAY && day <= CALENDAR_LAST_DAY) return day;
    throw new DeadlinesError(
      DeadlinesErrorCode.CalendarRange,
      `${Number.isFinite(day) ? formatDay(day) : String(day)} is outside the supported calendar range ${formatDay(CALENDAR_FIRST_DAY)}..${formatDay(CALENDAR_LAST_DAY)}`,
    );
  }

  private workdayAt(k: number, from: number): number {
    if (k >= this.t.workdays.length) {
      throw new DeadlinesError(
        DeadlinesErrorCode.CalendarRange,
        `counting working days from ${formatDay(from)} runs past the supported calendar range (ends ${formatDay(CALENDAR_LAST_DAY)})`,
      );
    }
    return this.t.workdays[k] + CALENDAR_FIRST_DAY;
  }

  private firstProvisionalOnOrAfterDay(day: number): number | null {
    return this.firstProvisionalInDays(day, CALENDAR_LAST_DAY);
  }

  /** Provisional years before the first official year are history, not a coverage gap. */
  private leadingProvisionalDays(): number {
    const first = this.t.officialYears[0];
    return first === undefined ? 0 : Math.max(0, parseDay(`${first}-01-01`) - CALENDAR_FIRST_DAY);
  }
}
