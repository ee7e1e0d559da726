#!/usr/bin/env node
// `npm run test:year-later`: every Jest test again, with every Node process (Jest's workers, the
// services, the development broker) living a year in the future through libfaketime. A test that
// pins a date the real calendar can overtake fails here a year before it would fail on main.
// Needs Debian's `faketime` package (apt-get install faketime); refuses to run, rather than pass
// at today's date, if the fake time is not in effect.
//
//   npm run test:year-later                 the whole suite, 365 days ahead
//   npm run test:year-later -- --days 730   another offset
//   npm run test:year-later -- apps/supervision    only some paths (any other argument goes to Jest)
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const DAY_MS = 86_400_000;

const args = process.argv.slice(2);
let days = 365;
const daysAt = args.indexOf('--days');
if (daysAt >= 0) {
  days = Number(args[daysAt + 1]);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    process.stderr.write('--days takes a whole number of days from 1 to 3650\n');
    process.exit(2);
  }
  args.splice(daysAt, 2);
}

// libfaketime's relative form: the clock keeps running, shifted by the offset. Monotonic clocks
// (timers, hrtime) stay real: only the calendar moves. `-m` preloads the multi-threaded build, as
// Node reads the clock from several threads.
//
// PostgreSQL keeps the real time (FAKETIME_SKIP_CMDS): under libfaketime its own timers stop — a
// lock cycle it detects in a second (deadlock_timeout) then hangs for ever, and a consumer that hit
// one stalled its test (measured: 15 s without detection under faketime, 1 s without it). No test
// dates anything by the database's clock; the services read time from their own.
const env = { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_SKIP_CMDS: 'postgres,initdb,pg_ctl' };
const faketime = (command) => ['faketime', ['-m', '-f', `+${days}d`, ...command]];

const [probeBin, probeArgs] = faketime([process.execPath, '-e', 'process.stdout.write(String(Date.now()))']);
const probe = spawnSync(probeBin, probeArgs, { env, encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  process.stderr.write(
    `faketime is not usable (${probe.error ? probe.error.message : probe.stderr.trim()}); install it: apt-get install faketime\n`,
  );
  process.exit(2);
}
const shift = Number(probe.stdout) - Date.now();
if (Math.abs(shift - days * DAY_MS) > 60_000) {
  process.stderr.write(`faketime did not move the clock by ${days} days (moved by ${shift} ms); refusing to run at the real date\n`);
  process.exit(2);
}
process.stdout.write(`\n=== all tests, ${days} days later (${new Date(Date.now() + shift).toISOString()}, TZ=UTC) ===\n`);

const file = join(mkdtempSync(join(tmpdir(), 'petition-year-later-')), 'result.json');
const [bin, jestArgs] = faketime([process.execPath, jest, '--ci', '--json', `--outputFile=${file}`, ...args]);
const res = spawnSync(bin, jestArgs, { cwd: root, stdio: 'inherit', env });
let summary = null;
try {
  summary = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  /* Jest did not finish: counted as a failure below */
}
const passed = summary ? summary.numPassedTests : 0;
const failed = summary ? summary.numFailedTests : 0;
process.stdout.write(`\n${days} days later: ${passed} passed, ${failed} failed\n`);
const ok = res.status === 0 && summary && failed === 0 && summary.numFailedTestSuites === 0 && summary.numRuntimeErrorTestSuites === 0;
process.exit(ok ? 0 : 1);
