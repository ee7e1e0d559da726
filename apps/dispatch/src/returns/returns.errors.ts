import { DomainError } from '@petition/service-kit';

/** Stable codes of return errors. */
export enum ReturnErrorCode {
  AssignmentNotFound = 'RETURN_ASSIGNMENT_NOT_FOUND',
  AssignmentNotActive = 'RETURN_ASSIGNMENT_NOT_ACTIVE',
  WindowClosed = 'RETURN_WINDOW_CLOSED',
  AlreadyRequested = 'RETURN_ALREADY_REQUESTED',
  NotFound = 'RETURN_NOT_FOUND',
  AlreadyDecided = 'RETURN_ALREADY_DECIDED',
  NoUnit = 'RETURN_NO_UNIT',
}

/** Not an assignment the caller's unit leads (others' assignments are indistinguishable from missing ones). */
export class ReturnAssignmentNotFoundError extends DomainError {
  constructor(id: string) {
    super(ReturnErrorCode.AssignmentNotFound, `交办单不存在 (assignment ${id} not found for your unit)`, 'not_found');
  }
}

/** The assignment was already returned and re-dispatched. */
export class ReturnAssignmentNotActiveError extends DomainError {
  constructor(id: string) {
    super(ReturnErrorCode.AssignmentNotActive, `交办单已退回 (assignment ${id} is no longer active)`, 'conflict');
  }
}

/** Past the `unit_return` window (5 working days from delivery, 条例 Art. 23). */
export class ReturnWindowClosedError extends DomainError {
  constructor(due: string) {
    super(ReturnErrorCode.WindowClosed, `已超过退回期限 (the return window closed at ${due})`, 'unprocessable');
  }
}

/** A return of this assignment is already waiting for a dispatcher. */
export class ReturnAlreadyRequestedError extends DomainError {
  constructor(id: string) {
    super(ReturnErrorCode.AlreadyRequested, `已申请退回，等待分派员处理 (a return of assignment ${id} is already pending)`, 'conflict');
  }
}

/** No return with this id. */
export class ReturnNotFoundError extends DomainError {
  constructor(id: string) {
    super(ReturnErrorCode.NotFound, `退回申请不存在 (return ${id} not found)`, 'not_found');
  }
}

/** The return was already confirmed or rejected. */
export class ReturnAlreadyDecidedError extends DomainError {
  constructor(id: string, status: string) {
    super(ReturnErrorCode.AlreadyDecided, `退回申请已处理 (return ${id} is already ${status})`, 'conflict');
  }
}

/** The caller's token names no unit, so it leads no assignment. */
export class ReturnNoUnitError extends DomainError {
  constructor() {
    super(ReturnErrorCode.NoUnit, '当前账号未关联承办单位 (the token carries no unitId)', 'forbidden');
  }
}
