/** Injection token of the {@link AttachmentStorage} in use. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/**
 * Where attachment bytes live. The database keeps the metadata and checksum; the storage only
 * keeps bytes under an opaque key. Local disk in the embedded default; an object store in
 * production implements the same three calls.
 */
export interface AttachmentStorage {
  /** Stores the bytes under `key` atomically (a reader never sees a half-written file). */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes stored under `key`. */
  get(key: string): Promise<Buffer>;
  /** Removes `key`; no error when it is already gone. */
  delete(key: string): Promise<void>;
}
