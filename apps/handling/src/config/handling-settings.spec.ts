import { ConfigError, loadServiceConfig } from '@petition/service-kit';
import { loadHandlingSettings } from './handling-settings';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092' };
const settings = (env: Record<string, string>) => loadHandlingSettings(loadServiceConfig('handling', 3003, { ...base, ...env }, ['INTAKE_URL', 'INTAKE_TIMEOUT_MS']));

describe('handling settings', () => {
  it('defaults INTAKE_URL to intake’s development address', () => {
    expect(settings({})).toEqual({ intakeUrl: 'http://127.0.0.1:3001', intakeTimeoutMs: 5000 });
    expect(settings({ INTAKE_URL: 'https://intake.internal:8443/' }).intakeUrl).toBe('https://intake.internal:8443');
  });

  it('refuses a bad INTAKE_URL or timeout at boot, naming the variable', () => {
    expect(() => settings({ INTAKE_URL: 'intake:3001' })).toThrow(ConfigError);
    expect(() => settings({ INTAKE_URL: 'not a url' })).toThrow(/INTAKE_URL/);
    expect(() => settings({ INTAKE_TIMEOUT_MS: 'soon' })).toThrow(/INTAKE_TIMEOUT_MS/);
  });
});
