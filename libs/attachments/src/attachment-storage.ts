/** Injection token of the {@link AttachmentStorage} a service uses. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/** What was stored: the size and the hex SHA-256 the caller keeps with its metadata. */
export interface StoredBytes {
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

/**
 * Where attachment bytes live. The service's database keeps the metadata and the checksum; the
 * storage keeps bytes under an opaque key the service makes (`<owner uuid>/<attachment uuid>`).
 * Local disk in the embedded default and on a persistent volume in production; an object store
 * can implement the same three calls when several replicas cannot share one volume.
 */
export interface AttachmentStorage {
  /**
   * Stores the bytes under `key` atomically (a reader never sees a half-written file) and returns
   * their SHA-256, computed on write.
   */
  put(key: string, data: Buffer): Promise<StoredBytes>;
  /**
   * The bytes stored under `key`, checked again against the `sha256` recorded at upload.
   * @throws AttachmentChecksumError when they no longer match (never serve altered bytes).
   */
  get(key: string, sha256: string): Promise<Buffer>;
  /** Removes `key`; no error when it is already gone. */
  delete(key: string): Promise<void>;
}
