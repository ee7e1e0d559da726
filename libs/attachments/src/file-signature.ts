/** The attachment types recognised from their bytes, by the content type recorded for them. */
export enum AttachmentType {
  Pdf = 'application/pdf',
  Jpeg = 'image/jpeg',
  Png = 'image/png',
  Doc = 'application/msword',
  Docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Mp3 = 'audio/mpeg',
  Amr = 'audio/amr',
}

/** Declared content types that mean one of ours (browsers and phones disagree on the names). */
const ALIASES: Record<string, AttachmentType> = {
  'image/jpg': AttachmentType.Jpeg,
  'image/pjpeg': AttachmentType.Jpeg,
  'audio/mp3': AttachmentType.Mp3,
  'audio/x-mpeg': AttachmentType.Mp3,
  'audio/x-amr': AttachmentType.Amr,
};

const starts = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/**
 * The type the bytes really are, from their magic numbers, or null when they are none of the
 * accepted types. A .docx is a ZIP whose entries name `word/`; an MP3 starts with an ID3 tag or
 * an MPEG audio frame sync.
 */
export function sniffType(b: Buffer): AttachmentType | null {
  if (starts(b, '%PDF-')) return AttachmentType.Pdf;
  if (starts(b, [0xff, 0xd8, 0xff])) return AttachmentType.Jpeg;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return AttachmentType.Png;
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return AttachmentType.Doc;
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) && b.subarray(0, 64 * 1024).includes('word/')) return AttachmentType.Docx;
  if (starts(b, '#!AMR\n') || starts(b, '#!AMR-WB\n')) return AttachmentType.Amr;
  if (starts(b, 'ID3') || (b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return AttachmentType.Mp3;
  return null;
}

/** The accepted type a declared content type names (parameters ignored), or null. */
export function declaredType(contentType: string | undefined): AttachmentType | null {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if ((Object.values(AttachmentType) as string[]).includes(t)) return t as AttachmentType;
  return ALIASES[t] ?? null;
}

/**
 * Content types an upload checked by {@link sniffType} may declare, for OpenAPI (anything else is
 * still sniffed, and refused if it is none of the types).
 */
export const ACCEPTED_UPLOAD_TYPES: string[] = [...Object.values(AttachmentType), 'application/octet-stream'];

/** What an upload's bytes and declared type say together (see {@link checkUploadType}). */
export type UploadTypeCheck =
  | { ok: true; type: AttachmentType }
  | { ok: false; problem: 'not_allowed' }
  | { ok: false; problem: 'mismatch'; declared: string; actual: AttachmentType };

/**
 * The type to record for an upload: what its bytes are (magic numbers), which must be one of the
 * accepted types and agree with the declared `Content-Type` — unless the uploader declared none or
 * only `application/octet-stream`. Never the declared type on its own word: a file stored as
 * `application/pdf` is served as one, so the bytes must be one.
 */
export function checkUploadType(data: Buffer, declaredContentType: string | undefined): UploadTypeCheck {
  const actual = sniffType(data);
  if (!actual) return { ok: false, problem: 'not_allowed' };
  const generic = !declaredContentType || /^application\/octet-stream\b/i.test(declaredContentType);
  if (!generic && declaredType(declaredContentType) !== actual)
    return { ok: false, problem: 'mismatch', declared: declaredContentType, actual };
  return { ok: true, type: actual };
}
