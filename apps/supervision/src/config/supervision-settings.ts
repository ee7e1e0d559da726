import { readSettings, type ServiceConfig } from '@petition/service-kit';

/** The deadline sweep's settings. */
export interface SweepSettings {
  /** How often each instance sweeps (`SUPERVISION_SWEEP_INTERVAL_MS`, default 30 s). */
  intervalMs: number;
  /** Deadlines locked and fired per transaction (`SUPERVISION_SWEEP_BATCH`, default 200). */
  batchSize: number;
}

/** Supervision's own settings, validated at boot. */
export interface SupervisionSettings {
  sweep: SweepSettings;
}

/** DI token of {@link SweepSettings}. */
export const SWEEP_SETTINGS = Symbol('SWEEP_SETTINGS');

/** Environment variables supervision reads beyond the common ones (checked against deploy/ by a test). */
export const SUPERVISION_ENV_VARS = ['SUPERVISION_SWEEP_INTERVAL_MS', 'SUPERVISION_SWEEP_BATCH'];

/** Reads supervision's settings; a bad value stops the service at boot, naming the variable. */
export function loadSupervisionSettings(config: ServiceConfig): SupervisionSettings {
  return readSettings(config.extra, (r) => ({
    sweep: {
      intervalMs: r.int('SUPERVISION_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
      batchSize: r.int('SUPERVISION_SWEEP_BATCH', 200, 1, 5000),
    },
  }));
}
