import { DomainError } from '@petition/service-kit';

/** Stable codes of work-item errors. */
export enum WorkItemErrorCode {
  NotFound = 'WORK_ITEM_NOT_FOUND',
  NoUnit = 'WORK_ITEM_NO_UNIT',
  NotLead = 'WORK_ITEM_NOT_LEAD',
  NotCoHandler = 'WORK_ITEM_NOT_CO_HANDLER',
  WrongState = 'WORK_ITEM_WRONG_STATE',
  ReturnWindowClosed = 'WORK_ITEM_RETURN_WINDOW_CLOSED',
}

/** Not found in the caller's unit (other units' items are indistinguishable from missing ones). */
export class WorkItemNotFoundError extends DomainError {
  constructor(id: string) {
    super(WorkItemErrorCode.NotFound, `工作事项不存在 (work item ${id} not found)`, 'not_found');
  }
}

/** The caller's token names no unit, so it has no inbox. */
export class NoUnitError extends DomainError {
  constructor() {
    super(WorkItemErrorCode.NoUnit, '当前账号未关联承办单位 (the token carries no unitId)', 'forbidden');
  }
}

/** Only the lead unit accepts a matter and deals with the petitioner; co-handlers contribute to it. */
export class NotLeadError extends DomainError {
  constructor(step = '受理', english = 'accept') {
    super(WorkItemErrorCode.NotLead, `仅主办单位可${step} (only the lead unit may ${english})`, 'forbidden');
  }
}

/** Contributions (协办意见) are a co-handler's; the lead records notes and the reply. */
export class NotCoHandlerError extends DomainError {
  constructor() {
    super(WorkItemErrorCode.NotCoHandler, '仅协办单位可提交协办意见 (only a co-handler adds contributions)', 'forbidden');
  }
}

/** The step does not fit the work item's current state (e.g. accepting twice). */
export class WorkItemStateError extends DomainError {
  constructor(step: string, status: string) {
    super(WorkItemErrorCode.WrongState, `当前状态（${status}）不能${step} (cannot ${step} a work item in state ${status})`, 'conflict', [
      { field: 'status', reason: `is ${status}` },
    ]);
  }
}

/** The `unit_return` window (5 working days from delivery, 条例 Art. 23) has closed. */
export class ReturnWindowClosedError extends DomainError {
  constructor(end: string) {
    super(WorkItemErrorCode.ReturnWindowClosed, `退回期限已过（${end}），请依法办理 (the return window closed at ${end})`, 'unprocessable');
  }
}
