import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { SegmentIndex } from './segment-index';
import { closeFile, openFile, readAt, syncData, writeAllAt, writeFileAtomic } from './file-io';

/** Segment files are named after their base offset, zero-padded so they sort by name. */
export function segmentFileName(baseOffset: number, extension: 'log' | 'index'): string {
  return `${String(baseOffset).padStart(20, '0')}.${extension}`;
}

/**
 * One segment file of a partition: contiguous whole batches, their sparse index, and the facts
 * retention needs. The active (last) segment keeps a read-write descriptor open; older ones are
 * opened while a read is in flight and closed after, so descriptors stay bounded by partitions.
 */
export class LogSegment {
  /** Offset one past the last batch in the segment. */
  nextOffset: number;
  /** Bytes written and visible to readers. */
  size: number;
  largestTimestamp: number;
  /** Set by the partition log for its last segment; read-only segments drop their descriptor. */
  writable = false;
  private fd: number | null = null;
  private readers = 0;
  private deleted = false;
  private releaseWaiters: Array<() => void> = [];
  private unsyncedWrites = false;
  /** An fdatasync in flight; the descriptor must not be closed under it. */
  private syncing: Promise<void> | null = null;

  constructor(
    readonly directory: string,
    readonly baseOffset: number,
    readonly index: SegmentIndex,
    facts: { nextOffset: number; size: number; largestTimestamp: number },
  ) {
    this.nextOffset = facts.nextOffset;
    this.size = facts.size;
    this.largestTimestamp = facts.largestTimestamp;
  }

  get logPath(): string {
    return path.join(this.directory, segmentFileName(this.baseOffset, 'log'));
  }

  get indexPath(): string {
    return path.join(this.directory, segmentFileName(this.baseOffset, 'index'));
  }

  /** Creates an empty segment file (the new active segment). */
  static async create(directory: string, baseOffset: number, indexIntervalBytes: number): Promise<LogSegment> {
    const segment = new LogSegment(directory, baseOffset, new SegmentIndex(indexIntervalBytes), {
      nextOffset: baseOffset,
      size: 0,
      largestTimestamp: -1,
    });
    segment.fd = await openFile(segment.logPath, 'w+');
    return segment;
  }

  /** Makes this segment the writable one, keeping its descriptor open. */
  async openForAppend(): Promise<void> {
    if (this.fd === null) this.fd = await openFile(this.logPath, 'r+');
  }

  /** Appends batches that the caller has already placed at offsets nextOffset.. */
  async append(buffers: Buffer[]): Promise<void> {
    if (this.fd === null) throw new Error(`segment ${this.logPath} is not open for append`);
    await writeAllAt(this.fd, buffers, this.size);
    this.unsyncedWrites = true;
  }

  /** Records one written batch in the in-memory facts and index; makes it readable. */
  onBatchWritten(baseOffset: number, lastOffset: number, position: number, size: number, maxTimestamp: number): void {
    this.index.onBatch(baseOffset - this.baseOffset, position, maxTimestamp);
    this.nextOffset = lastOffset + 1;
    this.size = position + size;
    if (maxTimestamp > this.largestTimestamp) this.largestTimestamp = maxTimestamp;
  }

  /**
   * Reads `[position, position + length)` clamped to the written size.
   * @returns the bytes, or null when the segment was deleted meanwhile
   */
  async read(position: number, length: number): Promise<Buffer | null> {
    const end = Math.min(this.size, position + length);
    if (end <= position) return Buffer.alloc(0);
    const fd = await this.acquire();
    if (fd === null) return null;
    try {
      return await readAt(fd, position, end - position);
    } finally {
      await this.release();
    }
  }

  /** fdatasync if anything was written since the last sync. */
  async sync(): Promise<void> {
    while (this.syncing !== null) await this.syncing;
    if (!this.unsyncedWrites || this.fd === null) return;
    this.unsyncedWrites = false;
    this.syncing = syncData(this.fd).finally(() => (this.syncing = null));
    await this.syncing;
  }

  /**
   * Syncs the data, saves the index next to it and closes the write descriptor. Called when
   * the segment stops being active and on clean shutdown, so restarts skip rescanning it.
   */
  async seal(): Promise<void> {
    await this.sync();
    await writeFileAtomic(this.indexPath, this.index.serialize(this.size, this.nextOffset, this.largestTimestamp));
    // With reads in flight, the last one to finish closes it (see release).
    if (this.readers === 0) await this.closeDescriptor();
  }

  /** Removes the files once in-flight reads are done. New reads see a deleted segment. */
  async delete(): Promise<void> {
    this.deleted = true;
    if (this.readers > 0) await new Promise<void>((resolve) => this.releaseWaiters.push(resolve));
    await this.closeDescriptor();
    await fsp.rm(this.logPath, { force: true });
    await fsp.rm(this.indexPath, { force: true });
  }

  /** Closes the descriptor without saving anything (topic deletion, or after a failure). */
  async closeQuietly(): Promise<void> {
    this.deleted = true;
    if (this.readers > 0) await new Promise<void>((resolve) => this.releaseWaiters.push(resolve));
    await this.closeDescriptor().catch(() => undefined);
  }

  private async acquire(): Promise<number | null> {
    if (this.deleted) return null;
    this.readers++;
    if (this.fd === null) {
      try {
        const fd = await openFile(this.logPath, 'r');
        // Another reader may have opened it while this one waited.
        if (this.fd === null) this.fd = fd;
        else await closeFile(fd);
      } catch (error) {
        await this.release();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    }
    return this.fd;
  }

  private async release(): Promise<void> {
    this.readers--;
    if (this.readers > 0) return;
    const waiters = this.releaseWaiters;
    this.releaseWaiters = [];
    waiters.forEach((resolve) => resolve());
    // Unsynced data keeps the descriptor open for seal() to sync it.
    if (!this.writable && !this.deleted && !this.unsyncedWrites && this.syncing === null) await this.closeDescriptor();
  }

  /** Closes the descriptor once no fdatasync runs on it (never under a sync or a read). */
  private async closeDescriptor(): Promise<void> {
    while (this.syncing !== null) await this.syncing.catch(() => undefined);
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    await closeFile(fd);
  }
}
