import { DomainError } from '@petition/service-kit';

/** Stable codes of attachment errors. */
export enum AttachmentErrorCode {
  Empty = 'ATTACHMENT_EMPTY',
  NotFound = 'ATTACHMENT_NOT_FOUND',
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
