import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as lib from '../index';

/*
 * The same matter must get the same deadline on every machine. Jest runs in one process with
 * one TZ, so this spec starts fresh Node processes under very different TZ values (including
 * ±12-14 h zones where the civil date differs from Shanghai's most of the day), loads the
 * calendar there (the lunar provisional years are computed at load), and compares every result
 * with fixed expected strings and with this process's results.
 */

const ROOT = resolve(__dirname, '../../../..');
const ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

interface Case {
  start: string | number;
  stage: string;
  urgent: boolean;
}

/** Runs inside the child: computes every case and a deadline history, prints JSON. */
const CHILD = `
const lib = require('./libs/deadlines/src/index.ts');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const calendar = lib.loadCalendar();
const rules = lib.defaultRuleSet();
const dues = cases.map((c) => { const r = lib.computeDue({ ...c, rules, calendar }); return [r.due, r.lastDay, r.warningAt, r.provisional]; });
let d = lib.Deadline.start({ start: '2026-03-02T09:00:00+08:00', stage: 'reexam_decision', rules, calendar });
d = d.pause({ from: '2026-03-10T14:00:00+08:00', to: '2026-03-12T11:00:00+08:00', by: 'x', reason: 'hearing' });
const days = ['2027-02-09', '2027-06-09', '2027-09-15', '2050-01-23', '2099-04-04'].map((x) => calendar.describeDay(x));
process.stdout.write(JSON.stringify({
  tz: process.env.TZ,
  offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
  revision: calendar.revision,
  dues,
  deadline: d.toJSON(),
  status: d.statusAt('2026-04-08T00:00:00+08:00'),
  escalation: d.escalationAt('2026-04-20T10:00:00+08:00'),
  days,
}));
`;

const FIXED: Case[] = [
  { start: '2026-08-02T09:00:00+08:00', stage: 'handling_standard', urgent: false },
  { start: '2026-09-29T10:00:00+08:00', stage: 'unit_return', urgent: false },
  { start: '2025-12-31T23:59:00+08:00', stage: 'triage', urgent: false },
  { start: '2026-11-20T10:00:00+08:00', stage: 'handling_standard', urgent: false },
  { start: '2026-09-30T10:00:00+08:00', stage: 'first_contact', urgent: true },
];
const EXPECTED_FIXED = [
  // 67 days from Aug 3 00:00 to the rolled due: 20% left = 13.4 days before it
  ['2026-10-09T00:00:00+08:00', '2026-10-08', '2026-09-25T14:24:00+08:00', false],
  ['2026-10-13T00:00:00+08:00', '2026-10-12', '2026-10-10T00:00:00+08:00', false],
  ['2026-01-05T00:00:00+08:00', '2026-01-04', '2025-12-31T23:59:00+08:00', false],
  ['2027-01-20T00:00:00+08:00', '2027-01-19', '2027-01-08T00:00:00+08:00', true],
  ['2026-10-01T10:00:00+08:00', '2026-10-01', '2026-10-01T05:12:00+08:00', false],
];

function compute(cases: Case[]) {
  const calendar = lib.loadCalendar();
  const rules = lib.defaultRuleSet();
  return cases.map((c) => {
    const r = lib.computeDue({ ...c, rules, calendar });
    return [r.due, r.lastDay, r.warningAt, r.provisional];
  });
}

function runIn(tz: string, cases: Case[]) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    input: JSON.stringify(cases),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`child under TZ=${tz} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('independence from the machine time zone', () => {
  const random: Case[] = fc.sample(
    fc.record({
      start: fc.integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2098, 0, 1) }),
      stage: fc.constantFrom(...lib.STAGE_IDS),
      urgent: fc.constant(false),
    }),
    { numRuns: 400, seed: 20260101 },
  );
  const cases = [...FIXED, ...random];
  const here = compute(cases);

  it('gives the fixed expected results in this process', () => {
    expect(here.slice(0, FIXED.length)).toEqual(EXPECTED_FIXED);
  });

  it.each(ZONES)('gives exactly the same results under TZ=%s', (tz) => {
    const child = runIn(tz, cases);
    expect(child.tz).toBe(tz);
    expect(child.dues).toEqual(here);
    expect(child.revision).toBe(lib.loadCalendar().revision);
    expect(child.deadline.due).toBe('2026-04-08T00:00:00+08:00');
    expect(child.status).toMatchObject({ state: 'overdue', due: '2026-04-08T00:00:00+08:00', overdueWorkingDays: 1 });
    expect(child.escalation).toEqual({
      step: 'supervision_order',
      overdueWorkingDays: 9,
      next: { step: 'flagged_supervision', at: '2026-05-08T00:00:00+08:00' },
    });
    expect(child.days.map((d: { date: string; workday: boolean; name: string | null }) => [d.date, d.workday, d.name])).toEqual([
      ['2027-02-09', false, '补假（春节）（临时）'],
      ['2027-06-09', false, '端午节（临时）'],
      ['2027-09-15', false, '中秋节（临时）'],
      ['2050-01-23', false, '春节（初一）（临时）'],
      ['2099-04-04', false, '清明节（临时）'],
    ]);
  });

  it('really ran the children in different zones', () => {
    const offsets = ['UTC', 'Pacific/Kiritimati'].map((tz) => runIn(tz, []).offset);
    expect(offsets).toEqual([0, -840]);
  });
});
