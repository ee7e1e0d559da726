import { randomBytes } from 'node:crypto';
import { ConfigError, loadServiceConfig } from '@petition/service-kit';
import { INTAKE_ENV_VARS, loadIntakeSettings } from './intake-settings';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092' };
const key = () => randomBytes(32).toString('base64');
const settings = (env: Record<string, string>) =>
  loadIntakeSettings(loadServiceConfig('intake', 3001, { ...base, ...env }, INTAKE_ENV_VARS));

describe('intake settings', () => {
  it('works out of the box in development, with the documented defaults', () => {
    const s = settings({ PETITION_DATA_DIR: '/srv/petition' });
    expect(s.pii.keys.size).toBe(1);
    expect(s.pii.keys.has(s.pii.activeKeyId)).toBe(true);
    expect(s.attachments).toEqual({ dir: '/srv/petition/intake/attachments', maxBytes: 10 * 1024 * 1024, maxPerPetition: 20 });
    expect(s.publicSubmit).toEqual({ burst: 10, perHour: 10 });
    expect(s.notices).toEqual({ gateway: { kind: 'local' }, portal: '网上信访平台', intervalMs: 1000 });
    expect(s.documents).toEqual({ issuer: '广州市信访局' });
  });

  it('sends notices through an HTTP provider when one is configured, and refuses a half-configured one', () => {
    const s = settings({
      NOTICES_SMS_GATEWAY: 'http',
      NOTICES_SMS_HTTP_URL: 'https://sms.example.gov.cn/send',
      NOTICES_SMS_HTTP_TOKEN: 't',
    });
    expect(s.notices.gateway).toEqual({ kind: 'http', url: 'https://sms.example.gov.cn/send', token: 't' });
    expect(() => settings({ NOTICES_SMS_GATEWAY: 'http' })).toThrow(/NOTICES_SMS_HTTP_URL must be an http\(s\) URL/);
    expect(() => settings({ NOTICES_SMS_GATEWAY: 'carrier-pigeon' })).toThrow(/NOTICES_SMS_GATEWAY must be local or http/);
  });

  it('writes new records with the active key and keeps older keys readable', () => {
    const s = settings({ PII_KEYS: `old:${key()},new:${key()}`, PII_ACTIVE_KEY_ID: 'old', PII_HASH_KEY: key() });
    expect([...s.pii.keys.keys()]).toEqual(['old', 'new']);
    expect(s.pii.activeKeyId).toBe('old');
  });

  it('refuses development keys and missing keys in production, and bad limits, naming each variable', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => settings(production)).toThrow(/PII_KEYS is required in production/);
    let problems: string[] = [];
    try {
      settings({
        PII_KEYS: 'k1:short',
        PII_ACTIVE_KEY_ID: 'k9',
        PII_HASH_KEY: 'c2hvcnQ=',
        ATTACHMENT_MAX_BYTES: '0',
        PUBLIC_SUBMIT_PER_HOUR: 'many',
      });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    for (const name of ['PII_KEYS entry "k1"', 'PII_HASH_KEY', 'ATTACHMENT_MAX_BYTES', 'PUBLIC_SUBMIT_PER_HOUR'])
      expect(problems.join('\n')).toContain(name);
  });
});
