import { DomainError } from '@petition/service-kit';

/** Stable codes of attachment errors. */
export enum AttachmentErrorCode {
  TypeNotAllowed = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  TypeMismatch = 'ATTACHMENT_TYPE_MISMATCH',
  Empty = 'ATTACHMENT_EMPTY',
  TooLarge = 'ATTACHMENT_TOO_LARGE',
  TooMany = 'ATTACHMENT_TOO_MANY',
  NotFound = 'ATTACHMENT_NOT_FOUND',
  Corrupted = 'ATTACHMENT_CORRUPTED',
}

/** The bytes are none of the accepted types (PDF, JPEG, PNG, DOC, DOCX, MP3, AMR). */
export class AttachmentTypeNotAllowedError extends DomainError {
  constructor(declared: string | undefined) {
    super(
      AttachmentErrorCode.TypeNotAllowed,
      '不支持的附件类型，仅接受 PDF、JPEG、PNG、DOC/DOCX、MP3/AMR (attachment type not allowed)',
      'unprocessable',
      [{ field: 'content', reason: `the bytes are not an accepted type (declared ${declared ?? 'none'})` }],
    );
  }
}

/** The declared content type says one thing, the bytes another. */
export class AttachmentTypeMismatchError extends DomainError {
  constructor(declared: string, actual: string) {
    super(AttachmentErrorCode.TypeMismatch, '附件内容与声明的类型不符 (content does not match the declared type)', 'unprocessable', [
      { field: 'Content-Type', reason: `declared ${declared}, but the bytes are ${actual}` },
    ]);
  }
}

/** No bytes at all. */
export class AttachmentEmptyError extends DomainError {
  constructor() {
    super(AttachmentErrorCode.Empty, '附件内容为空 (empty attachment)', 'invalid', [
      { field: 'content', reason: 'the request body must be the file’s bytes' },
    ]);
  }
}

/** Larger than the configured limit. */
export class AttachmentTooLargeError extends DomainError {
  constructor(limit: number) {
    super(AttachmentErrorCode.TooLarge, `附件超过大小限制 (larger than ${limit} bytes)`, 'invalid', [
      { field: 'content', reason: `at most ${limit} bytes` },
    ]);
  }
}

/** The petition already has the most attachments it may have. */
export class TooManyAttachmentsError extends DomainError {
  constructor(max: number) {
    super(AttachmentErrorCode.TooMany, `附件数量已达上限 (${max})`, 'conflict', [
      { field: 'content', reason: `a petition has at most ${max} attachments` },
    ]);
  }
}

/** No such attachment on this petition. */
export class AttachmentNotFoundError extends DomainError {
  constructor() {
    super(AttachmentErrorCode.NotFound, '附件不存在 (attachment not found)', 'not_found', [
      { field: 'attachmentId', reason: 'no such attachment on this petition' },
    ]);
  }
}
