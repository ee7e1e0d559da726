import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { crc32c } from '../protocol/crc32c';
import { closeFile, fileSize, openFile, readAt, syncData, syncDirectory, truncateFile, writeAllAt } from './file-io';

const FRAME_HEADER_BYTES = 8;

interface PendingWrite {
  frames: Buffer[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An append-only file of CRC-framed records (`u32 length, u32 crc32c, payload`), written by one
 * writer with group commit. On open, a torn or corrupt tail is cut off. `rewrite` replaces the
 * whole file atomically, which the owner uses to compact it.
 */
export class JournalFile {
  private queue: PendingWrite[] = [];
  private writing = false;
  private unsynced = false;
  private idleWaiters: Array<() => void> = [];

  private constructor(
    private readonly filePath: string,
    private fd: number,
    private size: number,
    private readonly syncEveryWrite: boolean,
  ) {}

  get sizeBytes(): number {
    return this.size;
  }

  /**
   * Opens or creates the journal.
   * @returns the journal and the payloads of every sound record, oldest first
   */
  static async open(
    filePath: string,
    syncEveryWrite: boolean,
  ): Promise<{ journal: JournalFile; payloads: Buffer[]; truncatedBytes: number }> {
    await fsp.mkdir(path.dirname(filePath), { recursive: true });
    await fsp.rm(`${filePath}.tmp`, { force: true });
    const fd = await openFile(filePath, 'a+');
    const size = await fileSize(fd);
    const contents = size > 0 ? await readAt(fd, 0, size) : Buffer.alloc(0);
    const payloads: Buffer[] = [];
    let position = 0;
    while (contents.length - position >= FRAME_HEADER_BYTES) {
      const length = contents.readUInt32BE(position);
      const end = position + FRAME_HEADER_BYTES + length;
      if (end > contents.length) break;
      const payload = contents.subarray(position + FRAME_HEADER_BYTES, end);
      if (crc32c(payload) !== contents.readUInt32BE(position + 4)) break;
      payloads.push(payload);
      position = end;
    }
    if (position < size) await truncateFile(fd, position);
    await closeFile(fd);
    const writable = await openFile(filePath, 'r+');
    return { journal: new JournalFile(filePath, writable, position, syncEveryWrite), payloads, truncatedBytes: size - position };
  }

  /** Appends records; resolves once written to the OS (and synced under fsync 'always'). */
  append(payloads: Buffer[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ frames: payloads.flatMap(frame), resolve, reject });
      if (!this.writing) {
        this.writing = true;
        process.nextTick(() => void this.drain());
      }
    });
  }

  /**
   * Atomically replaces the file with the records `snapshot` returns (compaction). The snapshot
   * is taken only once no write is in flight, so nothing acknowledged can be left out of it;
   * records queued meanwhile are appended to the new file afterwards.
   */
  async rewrite(snapshot: () => Buffer[]): Promise<void> {
    while (this.writing) await this.whenIdle();
    this.writing = true;
    const payloads = snapshot();
    try {
      const temporary = `${this.filePath}.tmp`;
      const fd = await openFile(temporary, 'w+');
      const frames = payloads.flatMap(frame);
      await writeAllAt(fd, frames, 0);
      await syncData(fd);
      await fsp.rename(temporary, this.filePath);
      await syncDirectory(path.dirname(this.filePath));
      await closeFile(this.fd);
      this.fd = fd;
      this.size = frames.reduce((sum, b) => sum + b.length, 0);
      this.unsynced = false;
    } finally {
      this.writing = false;
      if (this.queue.length > 0) {
        this.writing = true;
        process.nextTick(() => void this.drain());
      } else {
        this.idleWaiters.splice(0).forEach((resolve) => resolve());
      }
    }
  }

  async sync(): Promise<void> {
    if (!this.unsynced) return;
    this.unsynced = false;
    await syncData(this.fd);
  }

  async close(): Promise<void> {
    await this.whenIdle();
    await this.sync();
    await closeFile(this.fd);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const frames = batch.flatMap((w) => w.frames);
      try {
        await writeAllAt(this.fd, frames, this.size);
        this.size += frames.reduce((sum, b) => sum + b.length, 0);
        this.unsynced = true;
        if (this.syncEveryWrite) await this.sync();
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error as Error));
      }
    }
    this.writing = false;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private whenIdle(): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

function frame(payload: Buffer): Buffer[] {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header.writeUInt32BE(payload.length, 0);
  header.writeUInt32BE(crc32c(payload), 4);
  return [header, payload];
}
