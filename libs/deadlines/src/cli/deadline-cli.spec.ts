import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { EXIT_INVALID, EXIT_USAGE, runCli } from './deadline-cli';

const ROOT = resolve(__dirname, '../../../..');
const FIXTURES = resolve(__dirname, '../../fixtures');

/** Runs the real command line, as `npm run deadline --` does, in a far-away time zone. */
function spawnCli(args: string[], tz = 'America/New_York') {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'libs/deadlines/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deadline CLI (spawned)', () => {
  it('prints the due date of a stage as JSON', () => {
    const run = spawnCli(['due', '--from', '2026-08-02T09:00:00+08:00', '--stage', 'handling_standard']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      stage: 'handling_standard',
      start: '2026-08-02T09:00:00+08:00',
      due: '2026-10-09T00:00:00+08:00', // Oct 1 is a holiday: rolls to Oct 8, ends 24:00
      lastDay: '2026-10-08',
      kind: 'calendar_days',
      limit: 60,
      provisional: false,
      ruleSet: 'default@2022.1',
      statutoryCap: { kind: 'calendar_days', limit: 60, source: '条例 Art. 34' },
    });
  });

  it('flags a provisional result and explains it on stderr', () => {
    const run = spawnCli(['due', '--from', '2026-11-20T01:00:00Z', '--stage', 'handling_standard'], 'UTC');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ due: '2027-01-20T00:00:00+08:00', provisional: true, provisionalFrom: '2027-01-19' });
    expect(run.stderr).toContain('PROVISIONAL CALENDAR');
  });

  it('exits non-zero with a clear message on bad input', () => {
    const run = spawnCli(['due', '--from', '2026-08-02 09:00', '--stage', 'handling_standard']);
    expect(run.code).toBe(EXIT_INVALID);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--from must be an ISO-8601 instant with an offset');
  });
});

describe('deadline CLI (in process)', () => {
  const json = (args: string[]) => {
    const r = runCli(args);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    return JSON.parse(r.stdout);
  };

  it('computes urgent and city-rule deadlines', () => {
    expect(json(['due', '--from', '2026-09-30T10:00:00+08:00', '--stage', 'first_contact', '--urgent'])).toMatchObject({
      due: '2026-10-01T10:00:00+08:00',
      kind: 'hours',
      limit: 24,
      urgent: true,
    });
    expect(
      json(['due', '--from=2026-08-10T09:00:00+08:00', '--stage=handling_standard', `--rules=${FIXTURES}/city-rules.example.json`]),
    ).toMatchObject({ due: '2026-09-25T00:00:00+08:00', limit: 45, ruleSet: 'example-city@2026.1' });
    expect(
      json([
        'due',
        '--from',
        '2026-06-29T10:00:00+08:00',
        '--stage',
        'triage',
        '--overrides',
        `${FIXTURES}/calendar-overrides.example.json`,
      ]),
    ).toMatchObject({ due: '2026-07-01T00:00:00+08:00' });
    expect(
      json([
        'due',
        '--from',
        '2026-06-30T10:00:00+08:00',
        '--stage',
        'triage',
        '--overrides',
        `${FIXTURES}/calendar-overrides.example.json`,
      ]),
    ).toMatchObject({ due: '2026-07-03T00:00:00+08:00' });
  });

  it('lists the stages as a table and as JSON', () => {
    const table = runCli(['stages']);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain('rule set default@2022.1');
    expect(table.stdout).toMatch(/handling_standard\s+60 calendar days\s+—\s+60 calendar days \(条例 Art\. 34\)\s+yes/);
    expect(table.stdout).toMatch(/first_contact\s+1 working day\s+24 hours/);
    const list = json(['stages', '--json']);
    expect(list.ruleSet).toBe('default@2022.1');
    expect(list.stages).toHaveLength(15);
    expect(list.stages[0]).toMatchObject({ stage: 'triage', kind: 'working_days', limit: 1, statutoryCap: { source: '条例 Art. 22' } });
  });

  it('shows the calendar', () => {
    expect(json(['calendar'])).toMatchObject({ officialYears: expect.arrayContaining([2004, 2026]), provisionalFrom: '2026-12-25' });
    expect(json(['calendar', '--date', '2026-10-10'])).toMatchObject({ workday: true, weekday: 6, source: 'official' });
  });

  it.each([
    [['due', '--stage', 'handling_standard'], EXIT_USAGE, 'due needs --from'],
    [['due', '--from', '2026-08-10T09:00:00+08:00'], EXIT_USAGE, 'due needs --stage'],
    [['due', '--from'], EXIT_USAGE, '--from needs a value'],
    [['due', '--from', '2026-08-10T09:00:00+08:00', '--stage', 'x', '--colour', 'red'], EXIT_USAGE, 'unknown option --colour'],
    [['explode'], EXIT_USAGE, 'unknown command "explode"'],
    [[], EXIT_USAGE, 'Usage:'],
    [['due', '--from', '2026-08-10T09:00:00+08:00', '--stage', 'handling_slow'], EXIT_INVALID, 'unknown stage "handling_slow"'],
    [['due', '--from', '2026-08-10T09:00:00+08:00', '--stage', 'handling_standard', '--urgent'], EXIT_INVALID, 'has no urgent variant'],
    [
      ['due', '--from', '2026-08-10T09:00:00+08:00', '--stage', 'handling_standard', '--rules', `${FIXTURES}/city-rules.over-cap.json`],
      EXIT_INVALID,
      '(条例 Art. 34)',
    ],
    [['stages', '--rules', `${FIXTURES}/nope.json`], EXIT_INVALID, 'cannot read rule set file'],
  ])('refuses %j with exit %i', (args, code, message) => {
    const r = runCli(args as string[]);
    expect(r.exitCode).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('prints help on request', () => {
    expect(runCli(['--help'])).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('npm run deadline -- due --from') });
  });
});
