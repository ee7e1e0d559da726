import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { AttachmentStorage, StoredBytes } from './attachment-storage';
import { sha256Hex } from './checksum';
import { AttachmentChecksumError, AttachmentKeyError } from './storage.errors';

/** Keys are made by the services: `<owner uuid>/<attachment uuid>`. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Attachments as files under one directory (`ATTACHMENT_DIR`; in production a persistent volume,
 * see deploy/). SHA-256 on write, checked again on every read.
 */
export class LocalDiskAttachmentStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  /** A storage on `root`, created now so a directory the service cannot write fails at boot. */
  static open(root: string): LocalDiskAttachmentStorage {
    mkdirSync(root, { recursive: true });
    return new LocalDiskAttachmentStorage(root);
  }

  async put(key: string, data: Buffer): Promise<StoredBytes> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temp = `${target}.${randomUUID()}.part`;
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
    return { sizeBytes: data.length, sha256: sha256Hex(data) };
  }

  async get(key: string, sha256: string): Promise<Buffer> {
    const data = await readFile(this.pathOf(key));
    if (sha256Hex(data) !== sha256) throw new AttachmentChecksumError(key);
    return data;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Anything but a key the services make is refused rather than resolved outside the root. */
  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new AttachmentKeyError(key);
    return path.join(this.root, key);
  }
}
