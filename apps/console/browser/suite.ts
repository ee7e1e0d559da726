// `npm run test:browser` (tools/test/browser.js) runs this file: the whole platform on its own
// ports and data (harness/platform.ts), Chromium on the console (harness/browser.ts), then the
// scenarios of the *.browser.ts files in the order below, each step a node:test test. Screenshots
// and logs go to <repo>/artifacts/browser/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { dispatcherScenario } from './dispatcher.browser';
import { GatewayApi } from './harness/api';
import { openBrowser, type ConsoleBrowser } from './harness/browser';
import { REPO_ROOT, startPlatform, type Platform } from './harness/platform';
import type { World } from './harness/world';
import { handlerScenario } from './handler.browser';
import { registrationScenario } from './registration.browser';

/** A Monday morning in the city: every service's clock starts here, and so does the page's. */
export const CLOCK_START = '2026-11-02T09:00:00+08:00';
export const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'browser');

/** In order: (b) works the petition (a) registered, (c) assigns the one (a) left in the queue. */
const SCENARIOS: Array<[file: string, declare: (world: () => World) => void]> = [
  ['registration.browser.ts', registrationScenario],
  ['handler.browser.ts', handlerScenario],
  ['dispatcher.browser.ts', dispatcherScenario],
];

// A new *.browser.ts must be added above, or it would silently never run.
const files = readdirSync(__dirname).filter((f) => f.endsWith('.browser.ts'));
const unlisted = files.filter((f) => !SCENARIOS.some(([listed]) => listed === f));
if (unlisted.length) throw new Error(`${unlisted.join(', ')}: add to SCENARIOS in apps/console/browser/suite.ts`);

let platform: Platform | undefined;
let browser: ConsoleBrowser | undefined;
let world: World | undefined;

async function tearDown(): Promise<void> {
  const problems: string[] = [];
  await browser?.close().catch((err: Error) => problems.push(`closing Chromium: ${err.message}`));
  browser = undefined;
  const stopping = Date.now();
  await platform?.stop().then(
    () => process.stdout.write(`platform stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s\n`),
    (err: Error) => problems.push(err.message),
  );
  if (problems.length) throw new Error(problems.join('\n'));
}

// Ctrl-C or a CI timeout: the platform runs in its own process group and would outlive us.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write(`\n${signal}: stopping the platform…\n`);
    tearDown().then(
      () => process.exit(130),
      (err: Error) => {
        process.stderr.write(`${err.message}\n`);
        process.exit(130);
      },
    );
  });
}

void describe('the console in Chromium', { concurrency: 1 }, () => {
  before(
    async () => {
      rmSync(ARTIFACTS, { recursive: true, force: true });
      mkdirSync(ARTIFACTS, { recursive: true });
      process.stdout.write(`starting the platform (CLOCK_START=${CLOCK_START}); artifacts in ${ARTIFACTS}\n`);
      const starting = Date.now();
      platform = await startPlatform({ clockStart: CLOCK_START, logDir: ARTIFACTS });
      process.stdout.write(`platform up in ${((Date.now() - starting) / 1000).toFixed(1)} s at ${platform.url}\n`);
      const api = new GatewayApi(platform.url);
      // The page's clock starts where the services' clocks are now.
      const clock = await api.get<{ now: string; mode: string }>('/intake/internal/clock', 'clerk');
      if (clock.mode !== 'controllable') throw new Error(`intake's clock is ${clock.mode}, not controllable`);
      browser = await openBrowser({ artifactsDir: ARTIFACTS, now: new Date(clock.now) });
      await browser.page.goto(`${platform.url}/`);
      world = { platform, browser, api };
    },
    { timeout: 300_000 },
  );

  after(tearDown, { timeout: 120_000 });

  const ref = (): World => {
    if (!world) throw new Error('the platform or Chromium did not start: see the suite’s before hook');
    return world;
  };
  for (const [, declare] of SCENARIOS) declare(ref);
});
