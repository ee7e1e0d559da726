import { BATCH_HEADER_BYTES, batchSizeAt, checkBatch, readBatchHeader } from '../protocol/record-batch';
import type { BatchHeader, BatchProblem } from '../protocol/record-batch';
import { SegmentIndex } from './segment-index';
import { readAt } from './file-io';

const SCAN_CHUNK_BYTES = 1024 * 1024;

/** What a recovery scan found in one segment file. */
export interface SegmentScan {
  index: SegmentIndex;
  /** Length of the sound prefix; anything after it is a torn or corrupt tail. */
  validBytes: number;
  nextOffset: number;
  largestTimestamp: number;
  problem: BatchProblem | 'offset-gap' | null;
}

/**
 * Walks every batch of a segment file, verifying length, magic, CRC-32C and offset continuity,
 * and rebuilds its index. Used for segments without a trustworthy saved index: the active
 * segment after a crash, or any segment whose index is missing or stale.
 * @param timestampFallback used for batches without timestamps (the file's mtime)
 * @param onBatch sees every sound batch header in order (producer-state rebuild)
 */
export async function scanSegment(
  fd: number,
  fileBytes: number,
  baseOffset: number,
  indexIntervalBytes: number,
  timestampFallback: number,
  onBatch: (header: BatchHeader) => void,
): Promise<SegmentScan> {
  const index = new SegmentIndex(indexIntervalBytes);
  let position = 0;
  let expectedOffset = baseOffset;
  let largestTimestamp = -1;
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = 0;
  let problem: SegmentScan['problem'] = null;

  const ensure = async (from: number, bytes: number): Promise<void> => {
    if (from >= chunkStart && from + bytes <= chunkStart + chunk.length) return;
    chunk = await readAt(fd, from, Math.min(Math.max(SCAN_CHUNK_BYTES, bytes), fileBytes - from));
    chunkStart = from;
  };

  while (position < fileBytes) {
    if (fileBytes - position < BATCH_HEADER_BYTES) {
      problem = 'truncated';
      break;
    }
    await ensure(position, BATCH_HEADER_BYTES);
    const size = batchSizeAt(chunk, position - chunkStart);
    if (size < BATCH_HEADER_BYTES) {
      problem = 'bad-length';
      break;
    }
    if (position + size > fileBytes) {
      problem = 'truncated';
      break;
    }
    await ensure(position, size);
    const at = position - chunkStart;
    problem = checkBatch(chunk, at, at + size);
    if (problem !== null) break;
    const header = readBatchHeader(chunk, at);
    if (header.baseOffset !== expectedOffset || header.lastOffsetDelta < 0) {
      problem = 'offset-gap';
      break;
    }
    const timestamp = header.maxTimestamp >= 0 ? header.maxTimestamp : timestampFallback;
    index.onBatch(header.baseOffset - baseOffset, position, timestamp);
    if (timestamp > largestTimestamp) largestTimestamp = timestamp;
    onBatch({ ...header, position });
    expectedOffset = header.baseOffset + header.lastOffsetDelta + 1;
    position += size;
  }
  return { index, validBytes: position, nextOffset: expectedOffset, largestTimestamp, problem };
}
