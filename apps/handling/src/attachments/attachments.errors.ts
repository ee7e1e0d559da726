import { DomainError } from '@petition/service-kit';

/** Stable codes of attachment errors. */
export enum AttachmentErrorCode {
  Empty = 'ATTACHMENT_EMPTY',
  NotFound = 'ATTACHMENT_NOT_FOUND',
  TypeNotAllowed = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  TypeMismatch = 'ATTACHMENT_TYPE_MISMATCH',
}

/** An upload with no bytes. */
export class AttachmentEmptyError extends DomainError {
  constructor() {
    super(AttachmentErrorCode.Empty, '附件内容为空 (the upload has no content)', 'invalid', [
      { field: 'body', reason: 'must not be empty' },
    ]);
  }
}

/** No such upload on this work item. */
export class AttachmentNotFoundError extends DomainError {
  constructor(id: string) {
    super(AttachmentErrorCode.NotFound, `附件不存在 (attachment ${id} not found)`, 'not_found');
  }
}

/** The bytes are none of the accepted types (PDF, JPEG, PNG, DOC, DOCX, MP3, AMR); the same codes as intake's. */
export class AttachmentTypeNotAllowedError extends DomainError {
  constructor(declared: string | undefined) {
    super(
      AttachmentErrorCode.TypeNotAllowed,
      '不支持的附件类型，仅接受 PDF、JPEG、PNG、DOC/DOCX、MP3/AMR (attachment type not allowed)',
      'unprocessable',
      [{ field: 'body', reason: `the bytes are not an accepted type (declared ${declared ?? 'none'})` }],
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
