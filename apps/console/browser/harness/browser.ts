// Chromium for the browser tests: the machine's /usr/bin/chromium (Debian's `chromium`; nothing is
// downloaded), headless, a fresh profile per run, 1366×900, zh-CN, Asia/Shanghai, and the page's
// clock at the platform's controllable time, so screenshots and "剩余 n 天" do not depend on today.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a CI machine without a display, GPU or network access to Google needs. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1366, height: 900 };

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** Full-page screenshot `<artifacts>/<NN>-<name>.png`, numbered in the order taken; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Errors the page threw (uncaught exceptions), for failure messages. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(options: { artifactsDir: string; now: Date }): Promise<ConsoleBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'petition-chromium-'));
  // Also when the run is cut short (Ctrl-C): Playwright kills Chromium as the process exits.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfile);
  mkdirSync(options.artifactsDir, { recursive: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (err) {
    removeProfile();
    throw err;
  }
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(60_000);
  // Vite's HMR socket answers no one: the session lives in the page's memory only, so a reload
  // (Vite's full-reload when someone edits apps/console meanwhile, or an HMR port taken by another
  // `npm start`) would sign the test out. The socket is mocked, open and silent.
  await context.routeWebSocket(/.*/, () => undefined);
  // The platform's time, flowing from there (Playwright's clock; timers still run in real time).
  await context.clock.install({ time: options.now });

  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  let taken = 0;
  return {
    context,
    page,
    pageErrors,
    async screenshot(name: string) {
      taken += 1;
      const path = join(options.artifactsDir, `${String(taken).padStart(2, '0')}-${name}.png`);
      // Let antd's entrance animations and late renders settle, so the picture shows what the user sees.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(400);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      process.stdout.write(`  screenshot ${path}\n`);
      return path;
    },
    async close() {
      try {
        await context.close();
      } finally {
        process.off('exit', removeProfile);
        removeProfile();
      }
    },
  };
}
