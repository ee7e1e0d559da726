import { DEV_JWT_SECRET } from '@petition/auth';
import { ConfigError, loadServiceConfig } from './service-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', KAFKA_BROKERS: 'localhost:9092,k2:9093' };

describe('loadServiceConfig', () => {
  it('applies defaults in development', () => {
    const c = loadServiceConfig('intake', 3001, base);
    expect(c).toMatchObject({
      port: 3001,
      kafkaBrokers: ['localhost:9092', 'k2:9093'],
      jwtSecret: DEV_JWT_SECRET,
      clock: 'system',
      kafkaSessionTimeoutMs: 30000,
    });
  });

  it('names every bad variable at once', () => {
    try {
      loadServiceConfig('intake', 3001, {
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        PORT: 'eighty',
        CLOCK: 'sundial',
        LOG_LEVEL: 'loud',
      });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'CLOCK', 'LOG_LEVEL']) expect(text).toContain(name);
    }
  });

  it('refuses development secrets and the controllable clock in production', () => {
    expect(() => loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /development default/,
    );
    expect(() =>
      loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CLOCK: 'controllable' }),
    ).toThrow(/development and tests only/);
    expect(loadServiceConfig('intake', 3001, { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });

  it('starts a controllable clock at CLOCK_START, given with its offset', () => {
    const c = loadServiceConfig('intake', 3001, { ...base, CLOCK: 'controllable', CLOCK_START: '2026-11-23T09:00:00+08:00' });
    expect(c.clockStart?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(loadServiceConfig('intake', 3001, { ...base, CLOCK: 'controllable' }).clockStart).toBeNull();
  });

  it('refuses CLOCK_START without the controllable clock, without an offset, or in production', () => {
    expect(() => loadServiceConfig('intake', 3001, { ...base, CLOCK_START: '2026-11-23T09:00:00+08:00' })).toThrow(
      /CLOCK_START needs CLOCK=controllable/,
    );
    for (const bad of ['2026-11-23T09:00:00', '2026-11-23', 'monday', '2026-13-45T09:00:00Z']) {
      expect(() => loadServiceConfig('intake', 3001, { ...base, CLOCK: 'controllable', CLOCK_START: bad })).toThrow(
        /CLOCK_START must be an ISO 8601 instant with its offset/,
      );
    }
    expect(() =>
      loadServiceConfig('intake', 3001, {
        ...base,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        CLOCK_START: '2026-11-23T09:00:00+08:00',
      }),
    ).toThrow(/CLOCK_START is for development and tests only/);
  });

  it('trusts no proxy unless TRUSTED_PROXIES names them, as addresses or CIDR ranges', () => {
    expect(loadServiceConfig('intake', 3001, base).trustedProxies).toEqual([]);
    expect(loadServiceConfig('intake', 3001, { ...base, TRUSTED_PROXIES: '' }).trustedProxies).toEqual([]);
    expect(loadServiceConfig('intake', 3001, { ...base, TRUSTED_PROXIES: ' 10.0.3.7, 10.42.0.0/24,::1,fd00::/8 ' }).trustedProxies).toEqual(
      ['10.0.3.7', '10.42.0.0/24', '::1', 'fd00::/8'],
    );
    for (const bad of ['uniquelocal', '10.0.0.0/33', '10.0.0.1/8/9', 'proxy.example.org', '::1/129', '10.0.0/8'])
      expect(() => loadServiceConfig('intake', 3001, { ...base, TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES must be/);
  });
});
