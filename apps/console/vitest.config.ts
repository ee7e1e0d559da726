// The console's component and unit tests: Vitest in jsdom, files named `*.test.ts(x)` under src/
// (Jest, which runs everything else, never looks into apps/console). `npx vitest run -c apps/console/vitest.config.ts`.
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      // Dates are always shown in Asia/Shanghai; the tests prove it from a machine in another zone.
      env: { TZ: 'America/New_York' },
      testTimeout: 30_000,
      css: false,
    },
  }),
);
