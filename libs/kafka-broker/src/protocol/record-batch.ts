import { crc32c } from './crc32c';

/**
 * Record batch v2 layout (Kafka "Message Format"). The broker never looks inside the records:
 * it reads this fixed header, checks the CRC, and rewrites only baseOffset, which the CRC does
 * not cover (the CRC spans byte 21 to the end).
 */
export const BATCH_HEADER_BYTES = 61;
/** baseOffset (8) + batchLength (4): the part of a batch that batchLength does not count. */
export const LOG_OVERHEAD_BYTES = 12;
const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const LAST_OFFSET_DELTA_OFFSET = 23;
const MAX_TIMESTAMP_OFFSET = 35;
const PRODUCER_ID_OFFSET = 43;
const PRODUCER_EPOCH_OFFSET = 51;
const BASE_SEQUENCE_OFFSET = 53;
const RECORD_COUNT_OFFSET = 57;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;

/** The header fields of one batch the broker needs for appending, indexing and dedupe. */
export interface BatchHeader {
  /** Byte position of the batch within the buffer it was read from. */
  position: number;
  /** Total size in bytes, LOG_OVERHEAD_BYTES included. */
  size: number;
  baseOffset: number;
  lastOffsetDelta: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
  transactional: boolean;
  control: boolean;
}

/** Why a batch was rejected; `truncated` means more bytes may still arrive (a torn tail). */
export type BatchProblem = 'truncated' | 'bad-length' | 'bad-magic' | 'bad-crc';

/**
 * Size of the batch starting at `position`, or -1 when fewer than 12 bytes remain.
 * @returns total bytes including the 12-byte log overhead
 */
export function batchSizeAt(buffer: Buffer, position: number, end = buffer.length): number {
  if (end - position < LOG_OVERHEAD_BYTES) return -1;
  return buffer.readInt32BE(position + 8) + LOG_OVERHEAD_BYTES;
}

/**
 * Checks the batch at `position` (complete, magic 2, CRC-32C) without decoding records.
 * @returns the problem, or null when the batch is sound
 */
export function checkBatch(buffer: Buffer, position: number, end = buffer.length): BatchProblem | null {
  if (end - position < BATCH_HEADER_BYTES) return 'truncated';
  const size = batchSizeAt(buffer, position, end);
  if (size < BATCH_HEADER_BYTES) return 'bad-length';
  if (position + size > end) return 'truncated';
  if (buffer[position + MAGIC_OFFSET] !== 2) return 'bad-magic';
  const expected = buffer.readUInt32BE(position + CRC_OFFSET);
  if (crc32c(buffer, position + ATTRIBUTES_OFFSET, position + size) !== expected) return 'bad-crc';
  return null;
}

/**
 * Reads the header of a batch already known to be complete (see checkBatch).
 * @returns the header fields as plain numbers
 */
export function readBatchHeader(buffer: Buffer, position: number): BatchHeader {
  const attributes = buffer.readInt16BE(position + ATTRIBUTES_OFFSET);
  return {
    position,
    size: buffer.readInt32BE(position + 8) + LOG_OVERHEAD_BYTES,
    baseOffset: Number(buffer.readBigInt64BE(position)),
    lastOffsetDelta: buffer.readInt32BE(position + LAST_OFFSET_DELTA_OFFSET),
    maxTimestamp: Number(buffer.readBigInt64BE(position + MAX_TIMESTAMP_OFFSET)),
    producerId: Number(buffer.readBigInt64BE(position + PRODUCER_ID_OFFSET)),
    producerEpoch: buffer.readInt16BE(position + PRODUCER_EPOCH_OFFSET),
    baseSequence: buffer.readInt32BE(position + BASE_SEQUENCE_OFFSET),
    recordCount: buffer.readInt32BE(position + RECORD_COUNT_OFFSET),
    transactional: (attributes & TRANSACTIONAL_FLAG) !== 0,
    control: (attributes & CONTROL_FLAG) !== 0,
  };
}

/** Reads just baseOffset + lastOffsetDelta, the two fields a Fetch scan needs. */
export function lastOffsetOfBatch(buffer: Buffer, position: number): number {
  return Number(buffer.readBigInt64BE(position)) + buffer.readInt32BE(position + LAST_OFFSET_DELTA_OFFSET);
}

/** Writes the broker-assigned base offset; the CRC stays valid because it starts at byte 21. */
export function assignBaseOffset(buffer: Buffer, position: number, baseOffset: number): void {
  buffer.writeBigInt64BE(BigInt(baseOffset), position);
}

/**
 * Offset of the first record in an uncompressed batch whose timestamp is at or after `timestamp`
 * (ListOffsets by time). Compressed batches are not opened: their base offset is returned.
 * @returns an absolute offset within the batch
 */
export function firstOffsetAtOrAfter(buffer: Buffer, position: number, timestamp: number): number {
  const baseOffset = Number(buffer.readBigInt64BE(position));
  const size = batchSizeAt(buffer, position);
  const codec = buffer.readInt16BE(position + ATTRIBUTES_OFFSET) & 0x07;
  if (codec !== 0) return baseOffset;
  const baseTimestamp = Number(buffer.readBigInt64BE(position + 27));
  const count = buffer.readInt32BE(position + RECORD_COUNT_OFFSET);
  const end = position + size;
  const cursor = { at: position + BATCH_HEADER_BYTES };
  for (let i = 0; i < count && cursor.at < end; i++) {
    const length = readZigZagVarint(buffer, cursor);
    const recordEnd = cursor.at + length;
    cursor.at += 1; // record attributes
    const timestampDelta = readZigZagVarint(buffer, cursor);
    const offsetDelta = readZigZagVarint(buffer, cursor);
    if (baseTimestamp + timestampDelta >= timestamp) return baseOffset + offsetDelta;
    cursor.at = recordEnd;
  }
  return baseOffset + buffer.readInt32BE(position + LAST_OFFSET_DELTA_OFFSET);
}

/** Zig-zag varint/varlong as used inside records; exact up to 2^53. */
function readZigZagVarint(buffer: Buffer, cursor: { at: number }): number {
  let raw = 0;
  let scale = 1;
  for (;;) {
    const byte = buffer[cursor.at++];
    raw += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) break;
    scale *= 128;
  }
  return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
}
