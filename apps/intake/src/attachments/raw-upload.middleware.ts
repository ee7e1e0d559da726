import { raw } from 'express';

/** Content types an upload may declare (anything else is still sniffed, and refused if it is none of ours). */
export const ACCEPTED_UPLOAD_TYPES = [
  'application/pdf', 'image/jpeg', 'image/png', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'audio/mpeg', 'audio/amr', 'application/octet-stream',
];

/**
 * Reads an upload's body as raw bytes, up to `maxBytes` (larger: 413 before anything is stored).
 * Uploads are the file itself rather than multipart or base64 JSON: nothing to decode, and the
 * JSON limit of every other endpoint stays at 1 MB.
 */
export function rawUploadMiddleware(maxBytes: number) {
  return raw({ type: () => true, limit: maxBytes });
}
