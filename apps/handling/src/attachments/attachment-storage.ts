import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** DI token of {@link AttachmentStorage}. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/** Where attachment bytes live; keys are made by the service. An object store can stand in for the local disk. */
export interface AttachmentStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

/** Attachments as files under one directory (the embedded default: `<data dir>/handling/attachments`). */
export class LocalDiskAttachmentStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temp = `${target}.${randomUUID()}.part`;
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Keys are `<work item uuid>/<attachment uuid>`; anything else is refused rather than resolved outside the root. */
  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid attachment key ${key}`);
    return path.join(this.root, key);
  }
}
