/** Settings of the deadline sweep, from the environment (handed over by createApp, so tests can pass them). */
export interface SweepConfig {
  /** How often each instance sweeps (SUPERVISION_SWEEP_INTERVAL_MS, default 30 s). */
  intervalMs: number;
  /** Deadlines locked and fired per transaction (SUPERVISION_SWEEP_BATCH, default 200). */
  batchSize: number;
}

/** DI token of {@link SweepConfig}. */
export const SWEEP_CONFIG = Symbol('SWEEP_CONFIG');

/**
 * Reads and validates the sweep settings; a bad value stops the service at boot, naming the variable.
 * @throws Error naming every bad variable.
 */
export function loadSweepConfig(env: Readonly<Record<string, string | undefined>>): SweepConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const config = {
    intervalMs: int('SUPERVISION_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
    batchSize: int('SUPERVISION_SWEEP_BATCH', 200, 1, 5000),
  };
  if (problems.length) throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
