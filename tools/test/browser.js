#!/usr/bin/env node
// `npm run test:browser`: the staff console in a real browser. Starts the whole platform like
// `npm start` does, on free ports with its own data in a temp directory (never `.data/`, never
// :3000), on the controllable clock at a fixed Monday; drives the console in headless Chromium
// (Debian's `chromium`, through playwright-core: nothing is downloaded) and stops it all with SIGINT.
// The tests are apps/console/browser/*.browser.ts, run in order by apps/console/browser/suite.ts
// with node:test; each step is a test. Screenshots (and the platform's logs) go to
// artifacts/browser/. Needs `chromium` and `fonts-noto-cjk` (apt-get install chromium fonts-noto-cjk).
// Ends with one line `N passed, N failed, N skipped`; the exit code is 0 only if nothing failed.
//
//   npm run test:browser
//   npm run test:browser -- --test-name-pattern='\(a\)'    only some tests (node:test options)
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const started = Date.now();
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// What the tier needs beyond Node: refuse to run, rather than fail in a confusing way, without it.
if (!existsSync(chromium)) {
  process.stderr.write(`no Chromium at ${chromium}; install it: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH)\n`);
  process.exit(2);
}
const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
if (cjk.error || !cjk.stdout.trim()) {
  process.stderr.write('no Chinese font: screenshots would show boxes; install it: apt-get install fonts-noto-cjk\n');
  process.exit(2);
}

// The tests' own types: neither `npm test`'s type checks nor swc (which only strips types) cover them.
process.stdout.write('=== browser tests: type check (tsc -p apps/console/browser) ===\n');
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'apps/console/browser'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stdout.write('\nbrowser tests: type check failed\n');
  process.exit(1);
}

process.stdout.write('\n=== browser tests (apps/console/browser, Chromium) ===\n');
// Ctrl-C reaches the tests too, which stop the platform; this runner waits for them and reports.
process.on('SIGINT', () => undefined);
const tapDir = mkdtempSync(join(tmpdir(), 'petition-browser-tap-'));
const tap = join(tapDir, 'result.tap');
const res = spawnSync(
  process.execPath,
  [
    '-r',
    '@swc-node/register',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...process.argv.slice(2),
    join('apps', 'console', 'browser', 'suite.ts'),
  ],
  { cwd: root, stdio: 'inherit' },
);

// node:test's own summary lines (`# pass 5`) from the TAP copy of the report.
let summary = '';
try {
  summary = readFileSync(tap, 'utf8');
} catch {
  /* the run died before reporting: counted as a failure below */
}
rmSync(tapDir, { recursive: true, force: true });
const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
const [passed, failed, skipped, cancelled] = ['pass', 'fail', 'skipped', 'cancelled'].map(count);
const seconds = Math.round((Date.now() - started) / 1000);
process.stdout.write(
  summary.includes('# pass ')
    ? `\nbrowser tests: ${passed} passed, ${failed + cancelled} failed, ${skipped} skipped in ${seconds} s; screenshots in artifacts/browser/\n`
    : `\nbrowser tests: stopped before reporting (${res.signal ?? `exit ${res.status}`}) after ${seconds} s; see artifacts/browser/\n`,
);
process.exit(res.status === 0 && summary && failed + cancelled === 0 ? 0 : 1);
