import { DEV_JWT_SECRET } from '@petition/auth';
import { ConfigError } from './config-error';
import { SettingsReader } from './settings-reader';
import { parseTrustedProxies } from './trusted-proxies';

export { ConfigError } from './config-error';

/** Configuration every service reads from its environment, validated at boot. */
export interface ServiceConfig {
  service: string;
  nodeEnv: string;
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  kafkaBrokers: string[];
  kafkaClientId: string;
  /** Consumer-group session timeout: how long a silent (crashed) instance keeps its partitions. */
  kafkaSessionTimeoutMs: number;
  kafkaHeartbeatIntervalMs: number;
  /**
   * How many partitions one instance processes at once. kafkajs hands a whole fetch to its
   * workers and fetches again only when every batch is done, so with fewer workers than busy
   * partitions a worker runs two partitions' batches back to back and the fetch cycle — hence the
   * latency — grows with the load. The default matches the platform's 6 partitions per topic.
   */
  kafkaPartitionsConcurrency: number;
  jwtSecret: string;
  clock: 'system' | 'controllable';
  /** Where a controllable clock starts (`CLOCK_START`); null = the machine's time. */
  clockStart: Date | null;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** Proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`); empty = none (see {@link parseTrustedProxies}). */
  trustedProxies: string[];
  /** Service-specific settings, validated by the service's own parser. */
  extra: Record<string, string>;
}

/**
 * Reads and validates the environment of `service`. Fails fast with every problem at once,
 * naming the variable. In production (NODE_ENV=production) the development JWT secret and the
 * controllable clock are refused.
 */
export function loadServiceConfig(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
  extraKeys: string[] = [],
): ServiceConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const reader = new SettingsReader(env);
  const int = (name: string, fallback: number, min: number, max: number): number => reader.int(name, fallback, min, max);
  const port = int('PORT', defaultPort, 0, 65535);
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  const kafkaBrokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (kafkaBrokers.length === 0 || !kafkaBrokers.every((b) => /^[^\s:]+:\d{1,5}$/.test(b)))
    problems.push('KAFKA_BROKERS must be a comma-separated list of host:port');
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) problems.push('JWT_SECRET is required in production');
  else if (production && jwtSecret === DEV_JWT_SECRET) problems.push('JWT_SECRET must not be the development default in production');
  else if (jwtSecret.length < 16) problems.push('JWT_SECRET must be at least 16 characters');
  const clock = env.CLOCK ?? 'system';
  if (clock !== 'system' && clock !== 'controllable') problems.push(`CLOCK must be "system" or "controllable" (got "${clock}")`);
  else if (production && clock === 'controllable') problems.push('CLOCK=controllable is for development and tests only');
  const clockStart = parseClockStart(env.CLOCK_START, clock, production, problems);
  const config: ServiceConfig = {
    service,
    nodeEnv,
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 200),
    kafkaBrokers,
    kafkaClientId: env.KAFKA_CLIENT_ID ?? service,
    kafkaSessionTimeoutMs: int('KAFKA_SESSION_TIMEOUT_MS', 30000, 3000, 300000),
    kafkaHeartbeatIntervalMs: int('KAFKA_HEARTBEAT_INTERVAL_MS', 3000, 100, 60000),
    kafkaPartitionsConcurrency: int('KAFKA_PARTITIONS_CONCURRENCY', 6, 1, 64),
    jwtSecret,
    clock: clock as ServiceConfig['clock'],
    clockStart,
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 15000, 1000, 600000),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES, problems),
    extra: Object.fromEntries(extraKeys.filter((k) => env[k] !== undefined).map((k) => [k, env[k] as string])),
  };
  if (config.kafkaHeartbeatIntervalMs * 3 > config.kafkaSessionTimeoutMs)
    problems.push('KAFKA_HEARTBEAT_INTERVAL_MS must be at most a third of KAFKA_SESSION_TIMEOUT_MS');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel))
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  problems.unshift(...reader.found);
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * `CLOCK_START`: the instant a controllable clock starts at, with its offset so the machine's
 * time zone cannot change it (`2026-11-23T09:00:00+08:00`). Tests and demos start the clock at a
 * fixed instant instead of moving a running clock there, which stops working once the real date
 * passes it. Meaningless for the system clock, so refused there and in production.
 */
function parseClockStart(raw: string | undefined, clock: string, production: boolean, problems: string[]): Date | null {
  if (raw === undefined || raw === '') return null;
  if (production) {
    problems.push('CLOCK_START is for development and tests only');
    return null;
  }
  if (clock !== 'controllable') {
    problems.push('CLOCK_START needs CLOCK=controllable (the system clock cannot start elsewhere)');
    return null;
  }
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? new Date(raw) : null;
  if (!instant || !Number.isFinite(instant.getTime())) {
    problems.push(`CLOCK_START must be an ISO 8601 instant with its offset, e.g. 2026-11-23T09:00:00+08:00 (got "${raw}")`);
    return null;
  }
  return instant;
}

/** Every environment variable the common configuration reads (checked against deploy/ by a test). */
export const COMMON_ENV_VARS = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'KAFKA_BROKERS',
  'KAFKA_CLIENT_ID',
  'KAFKA_SESSION_TIMEOUT_MS',
  'KAFKA_HEARTBEAT_INTERVAL_MS',
  'KAFKA_PARTITIONS_CONCURRENCY',
  'JWT_SECRET',
  'CLOCK',
  'CLOCK_START',
  'LOG_LEVEL',
  'SHUTDOWN_TIMEOUT_MS',
  'TRUSTED_PROXIES',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
] as const;
