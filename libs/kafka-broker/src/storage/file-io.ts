import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

/*
 * Thin promise wrappers over the callback fs API: on the hot path they avoid the FileHandle
 * bookkeeping of fs.promises, and they keep plain numeric descriptors the logs manage.
 */
const readAsync = promisify(fs.read);
const writevAsync = promisify(fs.writev);
const fdatasyncAsync = promisify(fs.fdatasync);
const ftruncateAsync = promisify(fs.ftruncate);
const fstatAsync = promisify(fs.fstat);
const openAsync = promisify(fs.open);
const closeAsync = promisify(fs.close);

/** Linux caps one writev at IOV_MAX buffers. */
const MAX_BUFFERS_PER_WRITEV = 1024;

/** Opens a file and returns its descriptor. */
export function openFile(filePath: string, flags: string): Promise<number> {
  return openAsync(filePath, flags);
}

/** Closes a descriptor. */
export function closeFile(fd: number): Promise<void> {
  return closeAsync(fd);
}

/** Current size of an open file. */
export async function fileSize(fd: number): Promise<number> {
  return (await fstatAsync(fd)).size;
}

/** Flushes file data (not necessarily metadata timestamps) to the device. */
export function syncData(fd: number): Promise<void> {
  return fdatasyncAsync(fd);
}

/** Truncates an open file to `length` bytes. */
export function truncateFile(fd: number, length: number): Promise<void> {
  return ftruncateAsync(fd, length);
}

/**
 * Reads up to `length` bytes at `position`, looping over short reads.
 * @returns the bytes read (shorter only at end of file)
 */
export async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readAsync(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Writes all buffers contiguously at `position`, looping over partial writes.
 * @returns once every byte has been handed to the operating system
 */
export async function writeAllAt(fd: number, buffers: Buffer[], position: number): Promise<void> {
  let pending = buffers;
  let at = position;
  while (pending.length > 0) {
    const slice = pending.slice(0, MAX_BUFFERS_PER_WRITEV);
    const sliceBytes = slice.reduce((sum, b) => sum + b.length, 0);
    const { bytesWritten } = await writevAsync(fd, slice, at);
    at += bytesWritten;
    if (bytesWritten === sliceBytes) {
      pending = pending.slice(slice.length);
      continue;
    }
    pending = dropBytes(pending, bytesWritten);
  }
}

function dropBytes(buffers: Buffer[], count: number): Buffer[] {
  let left = count;
  let index = 0;
  while (left > 0 && left >= buffers[index].length) left -= buffers[index++].length;
  const rest = buffers.slice(index);
  if (left > 0) rest[0] = rest[0].subarray(left);
  return rest;
}

/**
 * Replaces a file atomically: write a temporary sibling, fsync it, rename it over the target,
 * then fsync the directory so the rename itself survives a power loss.
 */
export async function writeFileAtomic(filePath: string, data: Buffer | string): Promise<void> {
  const temporary = `${filePath}.tmp`;
  const fd = await openFile(temporary, 'w');
  try {
    await writeAllAt(fd, [typeof data === 'string' ? Buffer.from(data) : data], 0);
    await syncData(fd);
  } finally {
    await closeFile(fd);
  }
  await fs.promises.rename(temporary, filePath);
  await syncDirectory(path.dirname(filePath));
}

/** Makes directory entries (creations, renames, unlinks) durable. */
export async function syncDirectory(directory: string): Promise<void> {
  const fd = await openFile(directory, 'r');
  try {
    await syncData(fd);
  } finally {
    await closeFile(fd);
  }
}
