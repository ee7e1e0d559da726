import { crc32c } from '../protocol/crc32c';

const MAGIC = 0x4b424931; // "KBI1"
const HEADER_BYTES = 40;
const ENTRY_BYTES = 16;

/** What a saved index file says about the segment it was written for. */
export interface SavedSegmentState {
  index: SegmentIndex;
  /** Segment size when the index was saved; a different size on disk means it is stale. */
  coveredBytes: number;
  nextOffset: number;
  largestTimestamp: number;
}

/**
 * Sparse in-memory index of one segment: an entry (relative offset, file position, largest
 * timestamp of the batches it covers) at least every `intervalBytes`. A Fetch starts reading
 * at the floor entry, so it scans at most about one interval before the batch it wants.
 */
export class SegmentIndex {
  private relativeOffsets = new Uint32Array(16);
  private positions = new Uint32Array(16);
  private timestamps = new Float64Array(16);
  private count = 0;

  constructor(private readonly intervalBytes: number) {}

  get entryCount(): number {
    return this.count;
  }

  /** Notes a batch written at `position`; adds an entry when the interval has passed. */
  onBatch(relativeOffset: number, position: number, maxTimestamp: number): void {
    const last = this.count - 1;
    if (last >= 0 && position - this.positions[last] < this.intervalBytes) {
      if (maxTimestamp > this.timestamps[last]) this.timestamps[last] = maxTimestamp;
      return;
    }
    if (this.count === this.positions.length) this.grow();
    this.relativeOffsets[this.count] = relativeOffset;
    this.positions[this.count] = position;
    this.timestamps[this.count] = maxTimestamp;
    this.count++;
  }

  /**
   * Position of the last indexed batch whose base offset is at or below `relativeOffset`.
   * @returns a byte position to start scanning from (0 when none)
   */
  floorPosition(relativeOffset: number): number {
    let low = 0;
    let high = this.count - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.relativeOffsets[mid] <= relativeOffset) {
        found = this.positions[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /**
   * Position of the first indexed stretch holding a batch with a timestamp at or after `timestamp`.
   * @returns a byte position, or -1 when no batch is that recent
   */
  positionForTimestamp(timestamp: number): number {
    for (let i = 0; i < this.count; i++) if (this.timestamps[i] >= timestamp) return this.positions[i];
    return -1;
  }

  /** Serialises the index with the segment facts it vouches for, CRC-protected. */
  serialize(coveredBytes: number, nextOffset: number, largestTimestamp: number): Buffer {
    const buffer = Buffer.alloc(HEADER_BYTES + this.count * ENTRY_BYTES);
    buffer.writeUInt32BE(MAGIC, 0);
    buffer.writeDoubleBE(coveredBytes, 8);
    buffer.writeDoubleBE(nextOffset, 16);
    buffer.writeDoubleBE(largestTimestamp, 24);
    buffer.writeUInt32BE(this.count, 32);
    for (let i = 0; i < this.count; i++) {
      const at = HEADER_BYTES + i * ENTRY_BYTES;
      buffer.writeUInt32BE(this.relativeOffsets[i], at);
      buffer.writeUInt32BE(this.positions[i], at + 4);
      buffer.writeDoubleBE(this.timestamps[i], at + 8);
    }
    buffer.writeUInt32BE(crc32c(buffer, 8), 4);
    return buffer;
  }

  /**
   * Parses a saved index file.
   * @returns the index and its facts, or null when the file is damaged or not an index
   */
  static deserialize(buffer: Buffer, intervalBytes: number): SavedSegmentState | null {
    if (buffer.length < HEADER_BYTES || buffer.readUInt32BE(0) !== MAGIC) return null;
    if (buffer.readUInt32BE(4) !== crc32c(buffer, 8)) return null;
    const count = buffer.readUInt32BE(32);
    if (buffer.length !== HEADER_BYTES + count * ENTRY_BYTES) return null;
    const index = new SegmentIndex(intervalBytes);
    for (let i = 0; i < count; i++) {
      const at = HEADER_BYTES + i * ENTRY_BYTES;
      index.onBatch(buffer.readUInt32BE(at), buffer.readUInt32BE(at + 4), buffer.readDoubleBE(at + 8));
    }
    return {
      index,
      coveredBytes: buffer.readDoubleBE(8),
      nextOffset: buffer.readDoubleBE(16),
      largestTimestamp: buffer.readDoubleBE(24),
    };
  }

  private grow(): void {
    const size = this.positions.length * 2;
    const relativeOffsets = new Uint32Array(size);
    const positions = new Uint32Array(size);
    const timestamps = new Float64Array(size);
    relativeOffsets.set(this.relativeOffsets);
    positions.set(this.positions);
    timestamps.set(this.timestamps);
    this.relativeOffsets = relativeOffsets;
    this.positions = positions;
    this.timestamps = timestamps;
  }
}
