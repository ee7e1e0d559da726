/**
 * The small month the end-to-end test seeds (tools/demo/seed-month.e2e-spec.ts), shared with the
 * plan's unit test, which checks that this month closes matters. The clock starts at a fixed
 * instant, so neither test depends on today's date.
 */
export const E2E_CLOCK_START = '2026-11-02T09:00:00+08:00';
export const E2E_MONTH = { petitions: 12, days: 10, seed: 1, startDate: '2026-11-02' } as const;
