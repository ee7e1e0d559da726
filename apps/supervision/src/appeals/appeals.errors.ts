import type { AppealKind } from '@petition/contracts';
import { DomainError } from '@petition/service-kit';
import { AppealRefusalCode } from './appeal-window';

/** Stable codes of appeal errors besides the refusals of {@link AppealRefusalCode}. */
export enum AppealErrorCode {
  NotFound = 'APPEAL_NOT_FOUND',
  NotOpen = 'APPEAL_NOT_OPEN',
  NotReexamination = 'APPEAL_NOT_REEXAMINATION',
  HearingRejected = 'APPEAL_HEARING_REJECTED',
}

const REFUSAL_TEXT: Record<AppealRefusalCode, string> = {
  [AppealRefusalCode.NoDeliveredReply]: '答复尚未送达，不能申请复查',
  [AppealRefusalCode.ReviewNotDecided]: '尚无复查意见，不能申请复核',
  [AppealRefusalCode.AlreadyFiled]: '该事项已提出过同类申请',
  [AppealRefusalCode.WindowClosed]: '已超过申请期限',
  [AppealRefusalCode.Concluded]: '该事项已复核终结，不再受理',
};

/** A request refused at the door: out of its window is 422, the other reasons 409. */
export class AppealRefusedError extends DomainError {
  constructor(code: AppealRefusalCode, reason: string, kind: AppealKind) {
    const field =
      code === AppealRefusalCode.WindowClosed
        ? 'receivedAt'
        : code === AppealRefusalCode.AlreadyFiled || code === AppealRefusalCode.ReviewNotDecided
          ? 'kind'
          : 'petitionId';
    super(code, `${REFUSAL_TEXT[code]} (${kind}: ${reason})`, code === AppealRefusalCode.WindowClosed ? 'unprocessable' : 'conflict', [
      { field, reason },
    ]);
  }
}

/** No such appeal. */
export class AppealNotFoundError extends DomainError {
  constructor(id: string) {
    super(AppealErrorCode.NotFound, `复查复核申请不存在 (appeal ${id} not found)`, 'not_found');
  }
}

/** The appeal is already decided or was refused. */
export class AppealNotOpenError extends DomainError {
  constructor(status: string) {
    super(AppealErrorCode.NotOpen, `该申请已${status === 'decided' ? '作出决定' : '不予受理'} (appeal is ${status})`, 'conflict');
  }
}

/** Hearing time is excluded only from a re-examination's decision period (条例 Art. 36). */
export class AppealNotReexaminationError extends DomainError {
  constructor() {
    super(AppealErrorCode.NotReexamination, '只有复核可以记录听证时间 (hearings pause re-examinations only)', 'conflict', [
      { field: 'id', reason: 'not a re-examination' },
    ]);
  }
}

/** libs/deadlines refuses the pause (after the deadline, out of order, overlapping). */
export class HearingRejectedError extends DomainError {
  constructor(reason: string) {
    super(AppealErrorCode.HearingRejected, `不能记录该听证时间：${reason}`, 'conflict', [{ field: 'from', reason }]);
  }
}
