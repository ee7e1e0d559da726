/** Granularity of an assessment period. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A parsed assessment period (Asia/Shanghai): `2026-11`, `2026-Q4` or `2026`. */
export interface Period {
  key: string;
  kind: PeriodKind;
  /** The months it covers, `YYYY-MM`. */
  months: string[];
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** Parses a period key; null when it is not one of the three forms. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  let first: number;
  let count: number;
  let kind: PeriodKind;
  if (m[2]) [first, count, kind] = [Number(m[2]), 1, 'month'];
  else if (m[3]) [first, count, kind] = [(Number(m[3]) - 1) * 3 + 1, 3, 'quarter'];
  else [first, count, kind] = [1, 12, 'year'];
  const months = Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
  const start = new Date(Date.UTC(year, first - 1, 1) - SHANGHAI_OFFSET_MS);
  const end = new Date(Date.UTC(year, first - 1 + count, 1) - SHANGHAI_OFFSET_MS);
  return { key: text, kind, months, start, end };
}

/** The Asia/Shanghai month (`YYYY-MM`) an instant falls in. */
export function monthOf(instant: Date | string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month, quarter and year keys a month belongs to. */
export function periodKeysOfMonth(month: string): [string, string, string] {
  const year = month.slice(0, 4);
  const quarter = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
  return [month, `${year}-Q${quarter}`, year];
}
