// What the browser tests share in one run: the platform, the browser and its one tab, the API for
// assertions, and what earlier scenarios registered. Scenarios run in order, each step a test of
// its own; a failed step skips the rest of its scenario (saying which step failed), and leaves a
// screenshot `NN-failed-<scenario><step>.png`.
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { GatewayApi } from './api';
import type { ConsoleBrowser } from './browser';
import type { Platform } from './platform';

/** A petition the clerk registered through the page. */
export interface Registered {
  trackingNo: string;
  queryCode: string;
  title: string;
  content: string;
  /** Its id at intake (read through the API after saving). */
  id?: string;
}

export interface World {
  platform: Platform;
  browser: ConsoleBrowser;
  api: GatewayApi;
  /** Registered in (a): a school matter no rule routes (the dispatcher's queue, (c)). */
  school?: Registered;
  /** Registered in (a): drainage in 五山, 天河区 — lead unit 广州市天河区人民政府 ((b)). */
  drainage?: Registered;
}

/** The world, once the suite's `before` hook has built it. */
export type WorldRef = () => World;

export type Step = (name: string, run: (page: Page) => Promise<void>, timeoutMs?: number) => void;

/** A scenario (`key` a, b, c…) of dependent steps, each reported as a test of its own. */
export function scenario(world: WorldRef, key: string, title: string, declare: (step: Step) => void): void {
  void describe(title, { concurrency: 1 }, () => {
    let failed: string | null = null;
    let count = 0;
    declare((name, run, timeoutMs = 90_000) => {
      const id = `${key}${++count}`;
      void it(name, { timeout: timeoutMs }, async (t) => {
        if (failed) return t.skip(`not run: step 「${failed}」 failed`);
        const w = world();
        const errorsBefore = w.browser.pageErrors.length;
        // Marked failed until it passes: a step the runner's timeout cuts off also stops the scenario.
        failed = name;
        try {
          await run(w.browser.page);
          failed = null;
        } catch (err) {
          await w.browser.screenshot(`failed-${id}`).catch(() => undefined);
          const thrown = w.browser.pageErrors.slice(errorsBefore);
          if (thrown.length && err instanceof Error) err.message += `\nthe page threw meanwhile:\n  ${thrown.join('\n  ')}`;
          throw err;
        }
      });
    });
  });
}
