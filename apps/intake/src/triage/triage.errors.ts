import { DomainError } from '@petition/service-kit';

/** Stable codes of triage errors. */
export enum TriageErrorCode {
  AlreadyTriaged = 'TRIAGE_ALREADY_DECIDED',
  LitigationMustBeRedirected = 'TRIAGE_LITIGATION_NOT_DISPATCHABLE',
  RelatedNotFound = 'TRIAGE_RELATED_NOT_FOUND',
  RelatedNotConcluded = 'TRIAGE_RELATED_NOT_CONCLUDED',
  RelatedNotOpen = 'TRIAGE_RELATED_NOT_OPEN',
  NotAnswerableOnTheSpot = 'TRIAGE_NOT_ANSWERABLE_ON_THE_SPOT',
  NoWrittenNoticeOwed = 'WRITTEN_NOTICE_NOT_OWED',
  WrittenNoticeAlreadyGiven = 'WRITTEN_NOTICE_ALREADY_GIVEN',
}

/** Triage happens once, on a registered petition. */
export class AlreadyTriagedError extends DomainError {
  constructor(status: string) {
    super(TriageErrorCode.AlreadyTriaged, `该信访件已分流 (already triaged; status ${status})`, 'conflict', [
      { field: 'id', reason: `petition is ${status}, not registered` },
    ]);
  }
}

/** 涉法涉诉 matters go to the 政法 organs, not into ordinary dispatch (条例 Art. 22 ¶2, Art. 28 ¶2). */
export class LitigationNotDispatchableError extends DomainError {
  constructor() {
    super(
      TriageErrorCode.LitigationMustBeRedirected,
      '涉法涉诉事项应转送政法部门或告知通过法定途径解决 (litigation-related: forward or inform, 条例 Art. 22 ¶2)',
      'unprocessable',
      [
        {
          field: 'outcome',
          reason: 'litigation-related matters are forwarded to the 政法 organs or the petitioner is informed of the legal channel',
        },
      ],
    );
  }
}

/** The related petition does not exist. */
export class RelatedNotFoundError extends DomainError {
  constructor(trackingNo: string) {
    super(TriageErrorCode.RelatedNotFound, `关联信访件不存在 (${trackingNo} not found)`, 'unprocessable', [
      { field: 'relatedTrackingNo', reason: 'no such petition' },
    ]);
  }
}

/** Refusal needs a concluded earlier matter (条例 Art. 36). */
export class RelatedNotConcludedError extends DomainError {
  constructor(trackingNo: string, status: string) {
    super(
      TriageErrorCode.RelatedNotConcluded,
      `关联事项尚未办结，不能不再受理 (${trackingNo} is ${status}, not concluded)`,
      'unprocessable',
      [
        {
          field: 'relatedTrackingNo',
          reason: `the related petition is ${status}; refusal needs a concluded matter — link it as a repeat instead`,
        },
      ],
    );
  }
}

/** Linking needs an open earlier matter (条例 Art. 19). */
export class RelatedNotOpenError extends DomainError {
  constructor(trackingNo: string, status: string) {
    super(TriageErrorCode.RelatedNotOpen, `关联事项不在办理中，不能并入 (${trackingNo} is ${status})`, 'unprocessable', [
      { field: 'relatedTrackingNo', reason: `the related petition is ${status}; only an open matter takes repeats` },
    ]);
  }
}

/** 当场答复 is for the person at the window or on the line, not for a letter or an online form. */
export class NotAnswerableOnTheSpotError extends DomainError {
  constructor(channel: string) {
    super(
      TriageErrorCode.NotAnswerableOnTheSpot,
      `只有来访、来电可以当场答复 (a ${channel} petition cannot be answered on the spot)`,
      'unprocessable',
      [{ field: 'outcome', reason: `only a visit or a call can be answered on the spot; this petition came by ${channel}` }],
    );
  }
}

/** A written notice is owed only for a decision that does not accept the matter. */
export class NoWrittenNoticeOwedError extends DomainError {
  constructor(state: string) {
    super(TriageErrorCode.NoWrittenNoticeOwed, `该信访件无需书面告知 (no written notice is owed: ${state})`, 'conflict', [
      { field: 'id', reason: `no written notice is owed: ${state}` },
    ]);
  }
}

/** The notice was recorded already; a second record would hide when the first was given. */
export class WrittenNoticeAlreadyGivenError extends DomainError {
  constructor(at: string) {
    super(TriageErrorCode.WrittenNoticeAlreadyGiven, `书面告知已于 ${at} 送达 (the written notice was recorded at ${at})`, 'conflict', [
      { field: 'id', reason: `the written notice was recorded at ${at}` },
    ]);
  }
}
