import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sha256Hex } from './checksum';
import { LocalDiskAttachmentStorage } from './local-disk-attachment.storage';
import { AttachmentChecksumError, AttachmentKeyError } from './storage.errors';

describe('LocalDiskAttachmentStorage', () => {
  let root: string;
  let storage: LocalDiskAttachmentStorage;
  const key = () => `${randomUUID()}/${randomUUID()}`;
  const bytes = Buffer.from('%PDF-1.7\n现场勘查笔录');

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'attachments-spec-'));
    storage = LocalDiskAttachmentStorage.open(path.join(root, 'nested', 'dir'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns the size and SHA-256 of what it stored, and gives the same bytes back', async () => {
    const k = key();
    expect(await storage.put(k, bytes)).toEqual({ sizeBytes: bytes.length, sha256: sha256Hex(bytes) });
    expect(await storage.get(k, sha256Hex(bytes))).toEqual(bytes);
    // Nothing is left half-written beside the file.
    expect(readdirSync(path.join(root, 'nested', 'dir', k.split('/')[0]))).toEqual([k.split('/')[1]]);
  });

  it('refuses bytes changed on disk since the upload', async () => {
    const k = key();
    const { sha256 } = await storage.put(k, bytes);
    writeFileSync(path.join(root, 'nested', 'dir', k), Buffer.from('%PDF-1.7\nforged'));
    await expect(storage.get(k, sha256)).rejects.toBeInstanceOf(AttachmentChecksumError);
  });

  it('refuses keys it did not make instead of resolving them outside its directory', async () => {
    for (const bad of ['../../etc/passwd', `${randomUUID()}/../../x`, 'a/b', '']) {
      await expect(storage.put(bad, bytes)).rejects.toBeInstanceOf(AttachmentKeyError);
      await expect(storage.get(bad, sha256Hex(bytes))).rejects.toBeInstanceOf(AttachmentKeyError);
    }
  });

  it('deletes, and deleting what is gone is no error', async () => {
    const k = key();
    await storage.put(k, bytes);
    await storage.delete(k);
    await storage.delete(k);
    await expect(storage.get(k, sha256Hex(bytes))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
