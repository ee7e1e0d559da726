/** Where the broker reports what it does. `debug` receives per-request traces when verbose. */
export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug?(message: string): void;
}

/**
 * When appended data is forced to disk with fdatasync:
 * - `'always'`: before acknowledging acks=-1/1 produces and offset commits (survives power loss);
 * - `{ intervalMs }`: in the background every intervalMs (default, 1000 ms);
 * - `'never'`: left to the operating system.
 * Acknowledged data survives a killed broker process in every mode (see README).
 */
export type FsyncPolicy = 'always' | 'never' | { intervalMs: number };

/** Log retention; -1 means unlimited. Per-topic `retention.ms` / `retention.bytes` override it. */
export interface RetentionOptions {
  /** Per partition; default 1 GiB. */
  maxBytes?: number;
  /** Default 7 days. */
  maxAgeMs?: number;
  /** How often retention is enforced; default 30 s. */
  checkIntervalMs?: number;
}

/** Options of startBroker. Only dataDir is required. */
export interface BrokerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Host put in Metadata for clients to dial; default host (127.0.0.1 when host is a wildcard). */
  advertisedHost?: string;
  dataDir: string;
  /** Partition count for auto-created topics and CreateTopics with -1; default 1. */
  partitions?: number;
  /** Create unknown topics named in Metadata requests that allow it (Kafka's default); default true. */
  autoCreateTopics?: boolean;
  /** Trace every request through logger.debug (or info when the logger has no debug). */
  verbose?: boolean;
  logger?: BrokerLogger;
  retention?: RetentionOptions;
  /** Segment file size before rolling; default 64 MiB. */
  segmentBytes?: number;
  fsync?: FsyncPolicy;
  /** Largest accepted record batch, like Kafka's message.max.bytes; default 1048588. */
  maxMessageBytes?: number;
}

/** A started broker. */
export interface RunningBroker {
  /** The advertised host. */
  host: string;
  port: number;
  /** "host:port", ready for kafkajs `brokers`. */
  address: string;
  dataDir: string;
  nodeId: number;
  /** Stops accepting, closes connections, flushes and syncs all data. Idempotent. */
  stop(): Promise<void>;
}
