import { DomainError } from '@petition/service-kit';

/** Stable codes of work-item errors. */
export enum WorkItemErrorCode {
  NotFound = 'WORK_ITEM_NOT_FOUND',
  NoUnit = 'WORK_ITEM_NO_UNIT',
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
