/*
 * Due-date throughput, one core: `npm run bench:deadlines`.
 * Targets: ≥ 1,000,000/s for calendar days (60 days), ≥ 200,000/s for 60 working days.
 * Measures the public computeDue (ISO string in, ISO strings out: start, due, warningAt) and
 * the numeric core alone (epoch ms in, epoch ms out). Speed is asserted here, never in tests.
 */
import { computeDue, defaultRuleSet, loadCalendar, loadRuleSet, toEpochMs } from '../src/index';
import type { RuleSet, WorkCalendar } from '../src/index';
import { stagePeriodEnd } from '../src/due/period-arithmetic.util';

const SAMPLES = 4096;
const RUN_MS = 1500;

/** Deterministic pseudo-random starts across 2025-2026 (LCG), as ISO strings with offset. */
function starts(): string[] {
  let seed = 20260101;
  const from = toEpochMs('2025-01-01T00:00:00+08:00');
  const span = toEpochMs('2026-09-01T00:00:00+08:00') - from;
  return Array.from({ length: SAMPLES }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const ms = from + Math.floor((seed / 2 ** 32) * span);
    return new Date(ms).toISOString();
  });
}

function measure(label: string, fn: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += fn(i & (SAMPLES - 1)); // warm-up: let the JIT settle
  let ops = 0;
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(RUN_MS) * 1_000_000n;
  let now = t0;
  while (now < deadline) {
    for (let i = 0; i < 10_000; i++) sink += fn((ops + i) & (SAMPLES - 1));
    ops += 10_000;
    now = process.hrtime.bigint();
  }
  const perSecond = ops / (Number(now - t0) / 1e9);
  console.log(`${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} /s${sink === 0.5 ? '' : ''}`);
  return perSecond;
}

function main(): void {
  const t0 = process.hrtime.bigint();
  const calendar: WorkCalendar = loadCalendar();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const rules: RuleSet = defaultRuleSet();
  const bench60 = loadRuleSet({
    id: 'bench',
    version: '1',
    extends: 'default@2022.1',
    stages: { handling_fast: { kind: 'working_days', limit: 60 } },
  });
  const iso = starts();
  const ms = iso.map((s) => toEpochMs(s));
  console.log(
    `calendar loaded in ${loadMs.toFixed(1)} ms (${calendar.revision}); node ${process.version}; TZ=${process.env.TZ ?? '(unset)'}`,
  );
  console.log('computeDue (ISO string in, ISO strings out):');
  const cal = measure(
    '  calendar days (handling_standard, 60 d)',
    (i) => computeDue({ start: iso[i], stage: 'handling_standard', rules, calendar }).limit,
  );
  const work = measure(
    '  working days (60 working days)',
    (i) => computeDue({ start: iso[i], stage: 'handling_fast', rules: bench60, calendar }).limit,
  );
  const hours = measure(
    '  hours (first_contact urgent, 24 h)',
    (i) => computeDue({ start: iso[i], stage: 'first_contact', rules, calendar, urgent: true }).limit,
  );
  console.log('numeric core (epoch ms in, due epoch ms out):');
  measure('  calendar days (60)', (i) => stagePeriodEnd(calendar, 'calendar_days', 60, null, ms[i], []).dueMs);
  measure('  working days (60)', (i) => stagePeriodEnd(calendar, 'working_days', 60, null, ms[i], []).dueMs);
  measure('  hours (24)', (i) => stagePeriodEnd(calendar, 'hours', 24, null, ms[i], []).dueMs);
  const ok = cal >= 1_000_000 && work >= 200_000;
  console.log(
    `targets (computeDue): calendar days ≥ 1,000,000/s ${cal >= 1_000_000 ? 'met' : 'MISSED'}; 60 working days ≥ 200,000/s ${work >= 200_000 ? 'met' : 'MISSED'}; hours ${Math.round(hours).toLocaleString('en-US')}/s`,
  );
  process.exitCode = ok ? 0 : 1;
}

main();
