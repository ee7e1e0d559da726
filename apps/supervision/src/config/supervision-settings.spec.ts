import { loadServiceConfig } from '@petition/service-kit';
import { SUPERVISION_ENV_VARS, loadSupervisionSettings } from './supervision-settings';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092' };
const settings = (env: Record<string, string>) =>
  loadSupervisionSettings(loadServiceConfig('supervision', 3004, { ...base, ...env }, SUPERVISION_ENV_VARS));

describe('supervision settings', () => {
  it('sweeps every 30 s in batches of 200 unless told otherwise', () => {
    expect(settings({}).sweep).toEqual({ intervalMs: 30_000, batchSize: 200 });
    expect(settings({ SUPERVISION_SWEEP_INTERVAL_MS: '1000', SUPERVISION_SWEEP_BATCH: '50' }).sweep).toEqual({
      intervalMs: 1000,
      batchSize: 50,
    });
  });

  it('refuses values out of range at boot, naming the variable', () => {
    expect(() => settings({ SUPERVISION_SWEEP_INTERVAL_MS: '10' })).toThrow(
      /SUPERVISION_SWEEP_INTERVAL_MS must be an integer from 100 to 3600000/,
    );
    expect(() => settings({ SUPERVISION_SWEEP_BATCH: 'all' })).toThrow(/SUPERVISION_SWEEP_BATCH/);
  });
});
