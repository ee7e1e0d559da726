import { DEV_JWT_SECRET } from '@petition/auth';
import { ConfigError, loadServiceConfig } from './service-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092,k2:9093' };

describe('loadServiceConfig', () => {
  it('applies defaults in development', () => {
    const c = loadServiceConfig('intake', 3001, base);
    expect(c).toMatchObject({ port: 3001, kafkaBrokers: ['localhost:9092', 'k2:9093'], jwtSecret: DEV_JWT_SECRET, clock: 'system', kafkaSessionTimeoutMs: 30000 });
  });

  it('names every bad variable at once', () => {
    try {
      loadServiceConfig('intake', 3001, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost', PORT: 'eighty', CLOCK: 'sundial', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'CLOCK', 'LOG_LEVEL']) expect(text).toContain(name);
    }
  });

  it('refuses development secrets and the controllable clock in production', () => {
    expect(() => loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development default/);
    expect(() => loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CLOCK: 'controllable' })).toThrow(/development and tests only/);
    expect(loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });
});
