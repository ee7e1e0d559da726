import { ConfigError, loadServiceConfig } from '@petition/service-kit';
import { HANDLING_ENV_VARS, loadHandlingSettings } from './handling-settings';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092' };
const settings = (env: Record<string, string>) =>
  loadHandlingSettings(
    loadServiceConfig('handling', 3003, { ...base, ...env }, [
      'INTAKE_URL',
      'INTAKE_TIMEOUT_MS',
      'ATTACHMENT_DIR',
      'ATTACHMENT_MAX_BYTES',
      'PETITION_DATA_DIR',
      'DOCUMENTS_ISSUER',
    ]),
  );

describe('handling settings', () => {
  it('defaults INTAKE_URL to intake’s development address', () => {
    expect(settings({})).toMatchObject({ intakeUrl: 'http://127.0.0.1:3001', intakeTimeoutMs: 5000, attachmentMaxBytes: 20 * 1024 * 1024 });
    expect(settings({ PETITION_DATA_DIR: '/srv/petition' }).attachmentDir).toBe('/srv/petition/handling/attachments');
    expect(settings({ INTAKE_URL: 'https://intake.internal:8443/' }).intakeUrl).toBe('https://intake.internal:8443');
  });

  it('signs the 交办单 as the petition bureau, 广州市信访局 unless DOCUMENTS_ISSUER names another', () => {
    expect(HANDLING_ENV_VARS).toContain('DOCUMENTS_ISSUER');
    expect(settings({}).documentsIssuer).toBe('广州市信访局');
    expect(settings({ DOCUMENTS_ISSUER: '深圳市信访局' }).documentsIssuer).toBe('深圳市信访局');
  });

  it('refuses a bad INTAKE_URL or timeout at boot, naming the variable', () => {
    expect(() => settings({ INTAKE_URL: 'intake:3001' })).toThrow(ConfigError);
    expect(() => settings({ INTAKE_URL: 'not a url' })).toThrow(/INTAKE_URL/);
    expect(() => settings({ INTAKE_TIMEOUT_MS: 'soon' })).toThrow(/INTAKE_TIMEOUT_MS/);
    expect(() => settings({ ATTACHMENT_MAX_BYTES: String(60 * 1024 * 1024) })).toThrow(/ATTACHMENT_MAX_BYTES/);
  });
});
