#!/usr/bin/env node
// `npm test`: type checks, lint and format; the console's Vitest suite; every unit, integration and
// e2e test in one Jest run under TZ=UTC, then the deadlines suite again under TZ=America/New_York
// (due dates must not depend on the machine's zone). Ends with one line `N passed, N failed`
// summing the console's run and both Jest runs.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const out = mkdtempSync(join(tmpdir(), 'petition-jest-'));
const extra = process.argv.slice(2);

const runs = [
  { label: 'all tests (TZ=UTC)', tz: 'UTC', args: [...extra], env: {} },
  { label: 'deadlines (TZ=America/New_York)', tz: 'America/New_York', args: ['libs/deadlines'], env: { PETITION_TEST_INFRA: 'off' } },
];
if (extra.length) runs.splice(1);

let passed = 0;
let failed = 0;
let ok = true;

// Type errors, lint findings (floating promises, unguarded switch, module boundaries) and unformatted code fail the run too.
if (!extra.length) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [label, bin, args] of [
    ['type check', tsc, ['-p', 'tsconfig.json']],
    // The staff console is a browser app with its own compiler settings (apps/console/tsconfig.json).
    ['console type check', tsc, ['-p', 'apps/console']],
    ['lint', join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), ['.', '--max-warnings', '0']],
    // One layout for all code (.prettierrc.json); `npm run format` fixes it.
    ['format', join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), ['--check', '**/*.{ts,tsx,js,mjs,cjs}']],
  ]) {
    process.stdout.write(`\n=== ${label} ===\n`);
    const res = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
    if (res.status !== 0) {
      ok = false;
      process.stdout.write(`${label} failed\n`);
    }
  }
}

// The console's component and unit tests run under Vitest in jsdom (Jest never looks into apps/console);
// its counts join the summary line.
if (!extra.length) {
  const file = join(out, 'console.json');
  process.stdout.write(`\n=== console tests ===\n`);
  const res = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '-c',
      'apps/console/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } },
  );
  let summary = null;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    ok = false;
  }
  if (summary) {
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    if (summary.numFailedTestSuites > 0 || summary.numTotalTests === 0) ok = false;
  }
  if (res.status !== 0) {
    ok = false;
    process.stdout.write('console tests failed\n');
  }
}
for (const [i, run] of runs.entries()) {
  const file = join(out, `run-${i}.json`);
  process.stdout.write(`\n=== ${run.label} ===\n`);
  const res = spawnSync(process.execPath, [jest, '--ci', '--json', `--outputFile=${file}`, ...run.args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...run.env, TZ: run.tz },
  });
  let summary = null;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    ok = false;
  }
  if (summary) {
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    if (summary.numFailedTestSuites > 0 || summary.numRuntimeErrorTestSuites > 0) ok = false;
  }
  if (res.status !== 0) ok = false;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
