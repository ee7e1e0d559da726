/**
 * Storage failures. Both are plain Errors on purpose: they mean a bug or tampering, not bad
 * input, so the global filter logs them with their stack and answers 500 without internals.
 */

/** A key the storage did not make (`<uuid>/<uuid>`), refused rather than resolved outside the root. */
export class AttachmentKeyError extends Error {
  constructor(key: string) {
    super(`invalid attachment key ${key}`);
    this.name = 'AttachmentKeyError';
  }
}

/** The stored bytes no longer hash to the checksum recorded at upload. */
export class AttachmentChecksumError extends Error {
  constructor(key: string) {
    super(`attachment ${key} does not match its stored checksum`);
    this.name = 'AttachmentChecksumError';
  }
}
