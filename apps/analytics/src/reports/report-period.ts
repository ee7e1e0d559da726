import { addDays, type DayRange } from '../stats/date-range';
import { StatsQueryError } from '../stats/stats.errors';

/** Report kinds and the period label each takes. */
export const REPORT_KINDS = ['weekly', 'monthly', 'quarterly', 'annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const PATTERNS: Record<ReportKind, RegExp> = {
  weekly: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  annual: /^(\d{4})$/,
};

/** A report period: its label, its days, and how to step to its neighbours. */
export interface ReportPeriod extends DayRange {
  kind: ReportKind;
  label: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Monday of ISO week 1 of `year` (the week with the year's first Thursday). */
function isoWeekOneMonday(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
}

/** Parses `2026-W47`, `2026-11`, `2026-Q4` or `2026` for its kind; a mismatch is a 400 on `period`. */
export function parsePeriod(kind: ReportKind, label: string): ReportPeriod {
  const m = PATTERNS[kind].exec(label);
  if (!m)
    throw new StatsQueryError([
      {
        field: 'period',
        reason: `a ${kind} period looks like ${{ weekly: '2026-W47', monthly: '2026-11', quarterly: '2026-Q4', annual: '2026' }[kind]}`,
      },
    ]);
  const year = Number(m[1]);
  switch (kind) {
    case 'weekly': {
      const from = addDays(isoWeekOneMonday(year), (Number(m[2]) - 1) * 7);
      if (Number(m[2]) === 53 && isoWeekOneMonday(year + 1) <= from)
        throw new StatsQueryError([{ field: 'period', reason: `${year} has no week 53` }]);
      return { kind, label, from, to: addDays(from, 6) };
    }
    case 'monthly': {
      const month = Number(m[2]);
      return { kind, label, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
    }
    case 'quarterly': {
      const q = Number(m[2]);
      const last = q * 3;
      return { kind, label, from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
    }
    case 'annual':
      return { kind, label, from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** The period `steps` periods away (negative: earlier). */
export function shiftPeriod(p: ReportPeriod, steps: number): ReportPeriod {
  if (p.kind === 'weekly') {
    const from = addDays(p.from, steps * 7);
    const thursday = addDays(from, 3);
    const year = Number(thursday.slice(0, 4));
    const week = Math.floor((Date.parse(`${from}T00:00:00Z`) - Date.parse(`${isoWeekOneMonday(year)}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
    return { kind: 'weekly', label: `${year}-W${pad(week)}`, from, to: addDays(from, 6) };
  }
  const monthsPer = p.kind === 'monthly' ? 1 : p.kind === 'quarterly' ? 3 : 12;
  const start = Number(p.from.slice(0, 4)) * 12 + Number(p.from.slice(5, 7)) - 1 + steps * monthsPer;
  const year = Math.floor(start / 12);
  const month = (start % 12) + 1;
  const label =
    p.kind === 'monthly' ? `${year}-${pad(month)}` : p.kind === 'quarterly' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : `${year}`;
  return parsePeriod(p.kind, label);
}
