import type { BrokerConfig } from '../config/broker-config';
import { InvalidTopicConfigError } from './invalid-topic-config.error';

/** Settings of one topic, from CreateTopics config entries over the broker defaults. */
export interface TopicConfig {
  retentionMs: number;
  retentionBytes: number;
  segmentBytes: number;
  maxMessageBytes: number;
  /** cleanup.policy without "delete": retention never deletes (compaction is not implemented). */
  retainForever: boolean;
  /** Every entry as given, including ones the broker does not act on. */
  entries: Record<string, string | null>;
}

/**
 * Resolves topic config entries. Known keys are validated and applied; other keys are kept
 * but ignored, so configs meant for a real cluster (min.insync.replicas, ...) do not fail here.
 * @throws InvalidTopicConfigError for a malformed value of a known key
 */
export function resolveTopicConfig(entries: Record<string, string | null>, broker: BrokerConfig): TopicConfig {
  const policy = entries['cleanup.policy'] ?? 'delete';
  const policies = policy.split(',').map((p) => p.trim());
  if (policies.some((p) => p !== 'delete' && p !== 'compact')) {
    throw new InvalidTopicConfigError(`cleanup.policy must be delete and/or compact, got "${policy}"`);
  }
  return {
    retentionMs: numberEntry(entries, 'retention.ms', broker.retentionMs, -1),
    retentionBytes: numberEntry(entries, 'retention.bytes', broker.retentionBytes, -1),
    segmentBytes: Math.max(1024, numberEntry(entries, 'segment.bytes', broker.segmentBytes, 14)),
    maxMessageBytes: numberEntry(entries, 'max.message.bytes', broker.maxMessageBytes, 0),
    retainForever: !policies.includes('delete'),
    entries,
  };
}

function numberEntry(entries: Record<string, string | null>, key: string, fallback: number, min: number): number {
  const raw = entries[key];
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidTopicConfigError(`${key} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}
