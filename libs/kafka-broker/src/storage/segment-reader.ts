import { LOG_OVERHEAD_BYTES, batchSizeAt, firstOffsetAtOrAfter, lastOffsetOfBatch } from '../protocol/record-batch';
import type { LogSegment } from './log-segment';

/** Bytes needed to read a batch's size and last offset. */
const BATCH_PREFIX_BYTES = 27;
const TIMESTAMP_SCAN_BYTES = 1024 * 1024;
const MAX_TIMESTAMP_OFFSET = 35;

/** Limits of one partition read within a Fetch. */
export interface ReadLimits {
  /** Further batches are added only while the total stays within this. */
  maxBytes: number;
  /** The first batch is returned whole when it is at most this big (KIP-74). */
  firstBatchLimit: number;
  /** Extra bytes read past maxBytes to cover the gap between an index entry and the target. */
  slackBytes: number;
}

/**
 * Reads whole batches from a segment, starting with the batch that contains `offset`.
 * @returns the concatenated batches (possibly empty), or null when the segment was deleted
 */
export async function readBatches(segment: LogSegment, offset: number, limits: ReadLimits): Promise<Buffer | null> {
  let position = segment.index.floorPosition(offset - segment.baseOffset);
  const readLength = Math.max(limits.maxBytes, 0) + limits.slackBytes;
  for (;;) {
    if (position >= segment.size) return Buffer.alloc(0);
    const data = await segment.read(position, readLength);
    if (data === null) return null;
    let at = 0;
    let found = -1;
    while (data.length - at >= BATCH_PREFIX_BYTES) {
      const size = batchSizeAt(data, at);
      if (lastOffsetOfBatch(data, at) >= offset) {
        found = at;
        break;
      }
      at += size;
    }
    if (found < 0) {
      // Only a damaged file could leave no whole batch prefix to examine.
      if (at === 0) return Buffer.alloc(0);
      // The target lies beyond this read; continue from the first batch not yet examined.
      position += at;
      continue;
    }
    const firstSize = batchSizeAt(data, found);
    if (firstSize > limits.firstBatchLimit) return Buffer.alloc(0);
    if (found + firstSize > data.length) return segment.read(position + found, firstSize);
    let end = found + firstSize;
    while (data.length - end >= LOG_OVERHEAD_BYTES) {
      const size = batchSizeAt(data, end);
      if (end + size > data.length || end + size - found > limits.maxBytes) break;
      end += size;
    }
    return data.subarray(found, end);
  }
}

/**
 * Finds the first offset in the segment whose record timestamp is at or after `timestamp`.
 * @returns the offset, -1 when none is, or null when the segment was deleted
 */
export async function findOffsetForTimestamp(segment: LogSegment, timestamp: number): Promise<number | null> {
  let position = segment.index.positionForTimestamp(timestamp);
  if (position < 0) return -1;
  while (position < segment.size) {
    const data = await segment.read(position, TIMESTAMP_SCAN_BYTES);
    if (data === null) return null;
    let at = 0;
    while (data.length - at >= LOG_OVERHEAD_BYTES) {
      const size = batchSizeAt(data, at);
      if (at + size > data.length) break;
      if (Number(data.readBigInt64BE(at + MAX_TIMESTAMP_OFFSET)) >= timestamp) {
        return firstOffsetAtOrAfter(data, at, timestamp);
      }
      at += size;
    }
    if (at === 0) {
      const size = batchSizeAt(data, 0);
      const whole = await segment.read(position, size);
      if (whole === null) return null;
      if (Number(whole.readBigInt64BE(MAX_TIMESTAMP_OFFSET)) >= timestamp) return firstOffsetAtOrAfter(whole, 0, timestamp);
      at = size;
    }
    position += at;
  }
  return -1;
}
