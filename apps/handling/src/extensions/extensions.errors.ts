import { DomainError } from '@petition/service-kit';

/** Stable codes of extension errors. */
export enum ExtensionErrorCode {
  NotFound = 'EXTENSION_REQUEST_NOT_FOUND',
  NotAllowed = 'EXTENSION_NOT_ALLOWED',
  AlreadyDecided = 'EXTENSION_ALREADY_DECIDED',
  OwnRequest = 'EXTENSION_OWN_REQUEST',
}

/** No such request in the caller's unit. */
export class ExtensionRequestNotFoundError extends DomainError {
  constructor(id: string) {
    super(ExtensionErrorCode.NotFound, `延期申请不存在 (extension request ${id} not found)`, 'not_found');
  }
}

/** The rules forbid this extension (after the deadline, a second one, a stage that cannot be extended, one already waiting). */
export class ExtensionNotAllowedError extends DomainError {
  constructor(reason: string) {
    super(ExtensionErrorCode.NotAllowed, `不能延期：${reason}`, 'conflict', [{ field: 'days', reason }]);
  }
}

/** The request was already approved or denied. */
export class ExtensionAlreadyDecidedError extends DomainError {
  constructor(status: string) {
    super(ExtensionErrorCode.AlreadyDecided, `该延期申请已${status === 'approved' ? '批准' : '驳回'} (already ${status})`, 'conflict');
  }
}

/** The unit head asked for this extension: the one who asks never decides (a second head of the unit does). */
export class ExtensionOwnRequestError extends DomainError {
  constructor() {
    super(
      ExtensionErrorCode.OwnRequest,
      '不能审批本人提出的延期申请 (the requester cannot decide their own extension request)',
      'forbidden',
    );
  }
}
