/* eslint-disable @typescript-eslint/no-require-imports */
import type { CompressionTypes } from 'kafkajs';

// Test-only: kafkajs's own record batch encoder, so stored bytes are exactly what clients send.
const RecordBatch = require('kafkajs/src/protocol/recordBatch/v0').RecordBatch as (args: unknown) => Promise<{ buffer: Buffer }>;
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (args: unknown) => unknown;
const Long = require('kafkajs/src/utils/long') as { fromValue(v: number): unknown };

/** What one test batch holds. */
export interface BatchSpec {
  values: string[];
  /** Per-record timestamps; default now. */
  timestamps?: number[];
  producerId?: number;
  firstSequence?: number;
  compression?: CompressionTypes;
}

/**
 * Encodes one record batch v2 (baseOffset 0) the way kafkajs does.
 * @returns the batch bytes, as they appear in a Produce request
 */
export async function encodeBatch(spec: BatchSpec): Promise<Buffer> {
  const now = Date.now();
  const timestamps = spec.timestamps ?? spec.values.map(() => now);
  const first = Math.min(...timestamps);
  const records = spec.values.map((value, i) =>
    Record({ offsetDelta: i, timestampDelta: timestamps[i] - first, key: null, value: Buffer.from(value) }),
  );
  const batch = await RecordBatch({
    compression: spec.compression ?? 0,
    records,
    firstTimestamp: first,
    maxTimestamp: Math.max(...timestamps),
    producerId: Long.fromValue(spec.producerId ?? -1),
    producerEpoch: 0,
    firstSequence: spec.firstSequence ?? 0,
    lastOffsetDelta: records.length - 1,
  });
  return batch.buffer;
}
