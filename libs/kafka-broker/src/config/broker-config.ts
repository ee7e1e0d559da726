import * as path from 'node:path';
import type { BrokerLogger, BrokerOptions } from '../broker-options';

const KIB = 1024;
const MIB = 1024 * KIB;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Fully resolved broker settings (defaults applied, inputs validated). */
export interface BrokerConfig {
  nodeId: number;
  host: string;
  advertisedHost: string;
  port: number;
  dataDir: string;
  defaultPartitions: number;
  autoCreateTopics: boolean;
  verbose: boolean;
  logger: BrokerLogger;
  retentionBytes: number;
  retentionMs: number;
  retentionCheckIntervalMs: number;
  segmentBytes: number;
  indexIntervalBytes: number;
  fsyncMode: 'always' | 'interval' | 'never';
  fsyncIntervalMs: number;
  maxMessageBytes: number;
  maxFrameBytes: number;
  /** Producers idle for longer are forgotten by the duplicate detector (Kafka: 1 day). */
  producerIdleExpiryMs: number;
}

/** Logs warnings and errors only; info and debug need `verbose` or an explicit logger. */
const quietConsoleLogger: BrokerLogger = {
  info: () => undefined,
  warn: (message) => console.warn(`[kafka-broker] ${message}`),
  error: (message) => console.error(`[kafka-broker] ${message}`),
};

const verboseConsoleLogger: BrokerLogger = {
  info: (message) => console.log(`[kafka-broker] ${message}`),
  warn: quietConsoleLogger.warn,
  error: quietConsoleLogger.error,
  debug: (message) => console.log(`[kafka-broker] ${message}`),
};

/**
 * Applies defaults to startBroker options and rejects nonsense early, naming the option.
 * @returns the resolved configuration
 */
export function resolveBrokerConfig(options: BrokerOptions): BrokerConfig {
  if (!options.dataDir) throw new Error('startBroker: dataDir is required');
  const host = options.host ?? '127.0.0.1';
  const wildcard = host === '0.0.0.0' || host === '::';
  const fsync = options.fsync ?? { intervalMs: 1000 };
  const segmentBytes = options.segmentBytes ?? 64 * MIB;
  const config: BrokerConfig = {
    nodeId: 1,
    host,
    advertisedHost: options.advertisedHost ?? (wildcard ? '127.0.0.1' : host),
    port: options.port ?? 0,
    dataDir: path.resolve(options.dataDir),
    defaultPartitions: options.partitions ?? 1,
    autoCreateTopics: options.autoCreateTopics ?? true,
    verbose: options.verbose ?? false,
    logger: options.logger ?? (options.verbose ? verboseConsoleLogger : quietConsoleLogger),
    retentionBytes: options.retention?.maxBytes ?? 1024 * MIB,
    retentionMs: options.retention?.maxAgeMs ?? 7 * DAY_MS,
    retentionCheckIntervalMs: options.retention?.checkIntervalMs ?? 30_000,
    segmentBytes,
    indexIntervalBytes: Math.min(4 * KIB, Math.max(64, Math.floor(segmentBytes / 16))),
    fsyncMode: typeof fsync === 'string' ? fsync : 'interval',
    fsyncIntervalMs: typeof fsync === 'string' ? 0 : fsync.intervalMs,
    maxMessageBytes: options.maxMessageBytes ?? 1_048_588,
    maxFrameBytes: 100 * MIB,
    producerIdleExpiryMs: DAY_MS,
  };
  assertInteger('port', config.port, 0, 65535);
  assertInteger('partitions', config.defaultPartitions, 1, 100_000);
  assertInteger('segmentBytes', config.segmentBytes, 1024, 1024 * MIB);
  assertInteger('maxMessageBytes', config.maxMessageBytes, 64, 64 * MIB);
  assertInteger('retention.checkIntervalMs', config.retentionCheckIntervalMs, 10, DAY_MS);
  if (config.fsyncMode === 'interval') assertInteger('fsync.intervalMs', config.fsyncIntervalMs, 1, DAY_MS);
  if (!['always', 'interval', 'never'].includes(config.fsyncMode)) {
    throw new Error(`startBroker: fsync must be 'always', 'never' or { intervalMs }`);
  }
  return config;
}

function assertInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`startBroker: ${name} must be an integer in ${min}..${max}, got ${value}`);
  }
}
