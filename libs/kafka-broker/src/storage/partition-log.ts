import * as path from 'node:path';
import type { BrokerLogger } from '../broker-options';
import { ErrorCode } from '../protocol/error-code';
import { assignBaseOffset } from '../protocol/record-batch';
import type { BatchHeader } from '../protocol/record-batch';
import { syncDirectory, writeFileAtomic } from './file-io';
import { LogSegment } from './log-segment';
import { PartitionUnavailableError } from './partition-unavailable.error';
import type { ProducerSequenceCache } from './producer-sequence-cache';
import { findOffsetForTimestamp, readBatches } from './segment-reader';

/** Storage settings of one partition (from broker defaults and topic configs). */
export interface LogSettings {
  segmentBytes: number;
  indexIntervalBytes: number;
  fsyncAlways: boolean;
}

/** The offsets assigned to an append, and when it is safely written. */
export interface AppendResult {
  baseOffset: number;
  /** Resolves once the batches are written to the OS (and synced under fsync 'always'). */
  written: Promise<void>;
}

/** One partition's answer to a read within a Fetch. */
export interface PartitionRead {
  error: ErrorCode;
  highWatermark: number;
  logStartOffset: number;
  records: Buffer;
}

interface PendingAppend {
  data: Buffer;
  settled: boolean;
  batches: Array<{ baseOffset: number; lastOffset: number; size: number; maxTimestamp: number }>;
  resolve: () => void;
  reject: (error: Error) => void;
}

export const PRODUCER_STATE_FILE = 'producer-state.json';
const EMPTY: Buffer = Buffer.alloc(0);

/**
 * The log of one partition: segments, the append queue and the high watermark.
 * Offsets are assigned synchronously on append (so pipelined requests keep their order); a
 * single writer then hands everything queued meanwhile to one writev (group commit). Readers
 * only ever see data below the high watermark, which advances after the write completes.
 */
export class PartitionLog {
  private nextOffset: number;
  private written: number;
  private queue: PendingAppend[] = [];
  private writing = false;
  private idleWaiters: Array<() => void> = [];
  private readonly listeners = new Set<() => void>();
  private failure: Error | null = null;
  private closed = false;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly directory: string,
    private readonly segments: LogSegment[],
    readonly producers: ProducerSequenceCache,
    private readonly settings: LogSettings,
    private readonly logger: BrokerLogger,
  ) {
    this.nextOffset = this.active.nextOffset;
    this.written = this.nextOffset;
    this.active.writable = true;
  }

  /** Offset after the last written batch (single node: high watermark = log end). */
  get highWatermark(): number {
    return this.written;
  }

  get logStartOffset(): number {
    return this.segments[0].baseOffset;
  }

  get sizeBytes(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  private get active(): LogSegment {
    return this.segments[this.segments.length - 1];
  }

  /**
   * Assigns offsets to whole, validated batches that lie contiguously in `data` and queues them.
   * A retried idempotent batch is recognised and answered with its original offsets.
   * @throws PartitionUnavailableError when the partition was deleted or has failed
   */
  append(data: Buffer, headers: BatchHeader[], nowMs: number): AppendResult {
    this.assertServing();
    const first = headers[0];
    if (first.producerId >= 0) {
      const duplicate = this.producers.find(
        first.producerId,
        first.producerEpoch,
        first.baseSequence,
        first.baseSequence + first.lastOffsetDelta,
      );
      if (duplicate !== undefined) return { baseOffset: duplicate.baseOffset, written: duplicate.written };
    }
    const baseOffset = this.nextOffset;
    const batches: PendingAppend['batches'] = [];
    for (const header of headers) {
      assignBaseOffset(data, header.position, this.nextOffset);
      const lastOffset = this.nextOffset + header.lastOffsetDelta;
      const maxTimestamp = header.maxTimestamp >= 0 ? header.maxTimestamp : nowMs;
      batches.push({ baseOffset: this.nextOffset, lastOffset, size: header.size, maxTimestamp });
      this.nextOffset = lastOffset + 1;
    }
    const start = first.position;
    const last = headers[headers.length - 1];
    const written = new Promise<void>((resolve, reject) => {
      this.queue.push({ data: data.subarray(start, last.position + last.size), settled: false, batches, resolve, reject });
    });
    // Swallowed here so a failed write with nobody awaiting it is not an unhandled rejection.
    written.catch(() => undefined);
    for (let i = 0; i < headers.length; i++) {
      const header = headers[i];
      if (header.producerId < 0) continue;
      const entryBase = batches[i].baseOffset;
      this.producers.remember(
        header.producerId,
        {
          epoch: header.producerEpoch,
          baseSequence: header.baseSequence,
          lastSequence: header.baseSequence + header.lastOffsetDelta,
          baseOffset: entryBase,
          written,
        },
        nowMs,
      );
    }
    this.scheduleDrain();
    return { baseOffset, written };
  }

  /**
   * Reads whole batches from `offset` (see ReadLimits). Never returns data at or beyond the
   * high watermark; an offset outside [logStart, highWatermark] is OFFSET_OUT_OF_RANGE.
   */
  async read(offset: number, limits: { maxBytes: number; firstBatchLimit: number }): Promise<PartitionRead> {
    for (let attempt = 0; ; attempt++) {
      const highWatermark = this.written;
      const logStartOffset = this.logStartOffset;
      const answer = (error: ErrorCode, records = EMPTY): PartitionRead => ({
        error,
        highWatermark,
        logStartOffset,
        records,
      });
      if (this.closed) return answer(ErrorCode.UnknownTopicOrPartition);
      if (this.failure) return answer(ErrorCode.KafkaStorageError);
      if (offset < logStartOffset || offset > highWatermark) return answer(ErrorCode.OffsetOutOfRange);
      if (offset === highWatermark) return answer(ErrorCode.None);
      const segment = this.segmentFor(offset);
      const from = Math.max(offset, segment.baseOffset);
      const slackBytes = 2 * this.settings.indexIntervalBytes + 1024;
      const records = await readBatches(segment, from, { ...limits, slackBytes });
      // null: retention deleted the segment while reading; the next pass sees the new log start.
      if (records !== null) return answer(ErrorCode.None, records);
      if (attempt > 3) return answer(ErrorCode.OffsetOutOfRange);
    }
  }

  /**
   * Earliest offset whose timestamp is at or after `timestamp` (ListOffsets).
   * @returns the offset, or -1 when every record is older
   */
  async offsetForTimestamp(timestamp: number): Promise<number> {
    for (const segment of [...this.segments]) {
      if (segment.largestTimestamp < timestamp || segment.size === 0) continue;
      const offset = await findOffsetForTimestamp(segment, timestamp);
      if (offset !== null && offset >= 0) return Math.min(Math.max(offset, this.logStartOffset), this.written);
    }
    return -1;
  }

  /** Upper estimate of readable bytes from `offset`, for Fetch min_bytes. */
  bytesAvailableFrom(offset: number): number {
    if (offset >= this.written || offset < this.logStartOffset) return 0;
    const segment = this.segmentFor(offset);
    let bytes = segment.size - segment.index.floorPosition(Math.max(offset, segment.baseOffset) - segment.baseOffset);
    for (let i = this.segments.indexOf(segment) + 1; i < this.segments.length; i++) bytes += this.segments[i].size;
    return bytes;
  }

  /** Calls `listener` whenever the high watermark advances or the log closes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Deletes the oldest segments that are entirely older than `retentionMs` or beyond
   * `retentionBytes` (-1 = unlimited), advancing the log start offset. An expired active
   * segment is rolled first, so quiet partitions age out too.
   * @returns the number of segments deleted
   */
  async enforceRetention(nowMs: number, retentionMs: number, retentionBytes: number): Promise<number> {
    if (this.closed || this.failure) return 0;
    const expired = (segment: LogSegment): boolean =>
      retentionMs >= 0 && segment.size > 0 && segment.largestTimestamp < nowMs - retentionMs;
    if (this.segments.length === 1 && expired(this.active)) await this.rollWhenIdle();
    let deleted = 0;
    let total = this.sizeBytes;
    while (this.segments.length > 1) {
      const oldest = this.segments[0];
      const overSize = retentionBytes >= 0 && total - oldest.size >= retentionBytes;
      if (!expired(oldest) && !overSize) break;
      this.segments.shift();
      total -= oldest.size;
      deleted++;
      await oldest.delete();
    }
    if (deleted > 0) {
      this.logger.debug?.(`${this.topic}-${this.partition}: retention deleted ${deleted} segment(s), log start ${this.logStartOffset}`);
    }
    return deleted;
  }

  /** fdatasync of the active segment (background interval flush). */
  async sync(): Promise<void> {
    if (this.closed || this.failure) return;
    await this.active.sync().catch((error: Error) => this.fail(error));
  }

  /**
   * Stops appends, writes what is queued, then either seals the active segment and saves
   * producer state (shutdown) or just closes descriptors (topic deletion).
   */
  async close(options: { forDeletion: boolean }): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.whenIdle();
    this.notify();
    if (options.forDeletion || this.failure) {
      await Promise.all(this.segments.map((s) => s.closeQuietly()));
      return;
    }
    this.active.writable = false;
    await this.active.seal();
    await writeFileAtomic(path.join(this.directory, PRODUCER_STATE_FILE), JSON.stringify(this.producers.snapshot()));
  }

  private segmentFor(offset: number): LogSegment {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) low = mid;
      else high = mid - 1;
    }
    const segment = this.segments[low];
    // A recovered segment may end early (truncated); its missing offsets continue in the next one.
    return offset >= segment.nextOffset && low + 1 < this.segments.length ? this.segments[low + 1] : segment;
  }

  private assertServing(): void {
    if (this.closed) throw new PartitionUnavailableError(ErrorCode.UnknownTopicOrPartition, 'partition deleted');
    if (this.failure) throw new PartitionUnavailableError(ErrorCode.KafkaStorageError, this.failure.message);
  }

  private scheduleDrain(): void {
    if (this.writing) return;
    this.writing = true;
    // Deferred to the end of this tick so pipelined requests parsed together share one write.
    process.nextTick(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) await this.writeQueued(this.queue.splice(0));
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.writing = false;
      if (this.failure) this.queue.splice(0).forEach((item) => item.reject(this.failure as Error));
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async writeQueued(items: PendingAppend[]): Promise<void> {
    let group: PendingAppend[] = [];
    let groupBytes = 0;
    try {
      for (const item of items) {
        const bytes = item.data.length;
        const projected = this.active.size + groupBytes;
        if (projected > 0 && projected + bytes > this.settings.segmentBytes) {
          await this.writeGroup(group);
          group = [];
          groupBytes = 0;
          await this.roll();
        }
        group.push(item);
        groupBytes += bytes;
      }
      await this.writeGroup(group);
    } catch (error) {
      items.filter((item) => !item.settled).forEach((item) => item.reject(error as Error));
      throw error;
    }
  }

  private async writeGroup(group: PendingAppend[]): Promise<void> {
    if (group.length === 0) return;
    const segment = this.active;
    await segment.append(group.map((item) => item.data));
    if (this.settings.fsyncAlways) await segment.sync();
    let position = segment.size;
    for (const item of group) {
      for (const batch of item.batches) {
        segment.onBatchWritten(batch.baseOffset, batch.lastOffset, position, batch.size, batch.maxTimestamp);
        position += batch.size;
      }
    }
    this.written = segment.nextOffset;
    for (const item of group) {
      item.settled = true;
      item.resolve();
    }
    this.notify();
  }

  /** Rolls outside the write loop (retention), skipping the round if a write is in flight. */
  private async rollWhenIdle(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      await this.roll();
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.writing = false;
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
      if (this.queue.length > 0) this.scheduleDrain();
    }
  }

  /** Seals the active segment and starts a new one at the log end. Only the writer calls this. */
  private async roll(): Promise<void> {
    const previous = this.active;
    previous.writable = false;
    await previous.seal();
    const next = await LogSegment.create(this.directory, previous.nextOffset, this.settings.indexIntervalBytes);
    next.writable = true;
    this.segments.push(next);
    await syncDirectory(this.directory);
  }

  private whenIdle(): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.logger.error(`${this.topic}-${this.partition}: storage failure, partition offline until restart: ${error.message}`);
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
