import {
  APPEAL_FILED,
  AppealKind,
  EVALUATION_RECORDED,
  EXTENSION_APPROVED,
  PETITION_ASSIGNED,
  PETITION_REGISTERED,
  PETITION_REPLIED,
  PETITION_TRIAGED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  REVIEW_WINDOW_ENDED,
  TriageOutcome,
  WORK_ITEM_ACCEPTED,
  ASSIGNMENT_RETURNED,
  isEvent,
  type EventEnvelope,
} from '@petition/contracts';

/** One reply round: when it was made and the deadline in force for it. */
export interface ReplyRound {
  at: string;
  due: string;
}

/**
 * What assessment knows of one matter, folded from events in any order. The unit is the lead of
 * the current (not returned) assignment; a confirmed return clears it until the next assignment.
 */
export interface MatterFacts {
  petitionId: string;
  unitId: string | null;
  trackingNo: string | null;
  nature: string | null;
  isRepeat: boolean;
  assignmentId: string | null;
  assignedAt: Date | null;
  acceptDue: Date | null;
  acceptedAt: Date | null;
  handlingDue: Date | null;
  extendedDue: Date | null;
  /** Reply rounds by round number. */
  replies: Record<string, ReplyRound>;
  firstReviewAt: Date | null;
  firstReviewPassed: boolean | null;
  deliveredAt: Date | null;
  deliveredRound: number | null;
  reviewWindowEnd: Date | null;
  /**
   * The latest review window recorded as ended (`review_window.ended`, from the deadline sweep).
   * The window of the delivered reply has ended when this is at or after `reviewWindowEnd`.
   */
  reviewWindowEndedFor: Date | null;
  evalRound: number | null;
  evalRecordedAt: Date | null;
  evalSatisfaction: string | null;
  evalSolved: boolean | null;
  reviewRequestedAt: Date | null;
  repeatLinkedAts: Date[];
}

/** Facts of a matter nothing is known of yet. */
export function emptyMatter(petitionId: string): MatterFacts {
  return {
    petitionId,
    unitId: null,
    trackingNo: null,
    nature: null,
    isRepeat: false,
    assignmentId: null,
    assignedAt: null,
    acceptDue: null,
    acceptedAt: null,
    handlingDue: null,
    extendedDue: null,
    replies: {},
    firstReviewAt: null,
    firstReviewPassed: null,
    deliveredAt: null,
    deliveredRound: null,
    reviewWindowEnd: null,
    reviewWindowEndedFor: null,
    evalRound: null,
    evalRecordedAt: null,
    evalSatisfaction: null,
    evalSolved: null,
    reviewRequestedAt: null,
    repeatLinkedAts: [],
  };
}

/** Event types whose petition's matter facts assessment folds (petition.repeat_linked is handled apart: it touches two matters). */
export const MATTER_EVENT_TYPES = [
  PETITION_REGISTERED,
  PETITION_TRIAGED,
  PETITION_ASSIGNED,
  ASSIGNMENT_RETURNED,
  WORK_ITEM_ACCEPTED,
  EXTENSION_APPROVED,
  PETITION_REPLIED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  REPLY_DELIVERED,
  REVIEW_WINDOW_ENDED,
  EVALUATION_RECORDED,
  APPEAL_FILED,
] as const;

const d = (iso: string): Date => new Date(iso);

/**
 * Applies one event to a matter's facts (mutating them). Every step is an upsert that gives the
 * same facts whatever order the topics deliver in: a newer assignment replaces an older one, the
 * latest evaluation (by round, then time) wins, the earliest review request counts.
 */
export function applyMatterEvent(f: MatterFacts, event: EventEnvelope): void {
  if (isEvent(event, PETITION_REGISTERED)) {
    f.trackingNo ??= event.payload.trackingNo;
    f.nature = event.payload.nature;
  } else if (isEvent(event, PETITION_TRIAGED)) {
    f.trackingNo ??= event.payload.trackingNo;
    if (event.payload.outcome === TriageOutcome.LinkRepeat) f.isRepeat = true;
  } else if (isEvent(event, PETITION_ASSIGNED)) {
    const p = event.payload;
    f.trackingNo = p.trackingNo;
    f.nature = p.nature;
    const at = d(p.assignedAt);
    if (f.assignmentId === p.assignmentId) {
      Object.assign(f, { unitId: p.leadUnitId, assignedAt: at, acceptDue: d(p.acceptDeadline.due) });
      return;
    }
    // Known only from a later step (accepted before its assignment arrived): the assignment
    // cannot be older than that step.
    const knownSince = f.assignedAt ?? f.acceptedAt;
    if (knownSince && at.getTime() < knownSince.getTime()) return;
    Object.assign(f, {
      unitId: p.leadUnitId,
      assignmentId: p.assignmentId,
      assignedAt: at,
      acceptDue: d(p.acceptDeadline.due),
      acceptedAt: null,
      handlingDue: null,
      extendedDue: null,
    });
  } else if (isEvent(event, ASSIGNMENT_RETURNED)) {
    if (f.assignmentId === event.payload.assignmentId) Object.assign(f, { unitId: null, acceptDue: null, acceptedAt: null });
  } else if (isEvent(event, WORK_ITEM_ACCEPTED)) {
    const p = event.payload;
    if (f.assignmentId && f.assignmentId !== p.assignmentId && f.assignedAt && d(p.acceptedAt).getTime() < f.assignedAt.getTime()) return;
    if (f.assignmentId !== p.assignmentId) Object.assign(f, { assignmentId: p.assignmentId, assignedAt: null, acceptDue: null });
    Object.assign(f, { unitId: p.unitId, acceptedAt: d(p.acceptedAt), handlingDue: d(p.handlingDeadline.due) });
  } else if (isEvent(event, EXTENSION_APPROVED)) {
    if (event.payload.handlingDeadline) f.extendedDue = d(event.payload.handlingDeadline.due);
  } else if (isEvent(event, PETITION_REPLIED)) {
    f.replies = { ...f.replies, [String(event.payload.round)]: { at: event.payload.repliedAt, due: event.payload.handlingDeadline.due } };
  } else if (isEvent(event, REVIEW_APPROVED) || isEvent(event, REVIEW_RETURNED)) {
    if (event.payload.round === 1) {
      f.firstReviewAt = d(event.payload.decidedAt);
      f.firstReviewPassed = event.type === REVIEW_APPROVED;
    }
  } else if (isEvent(event, REPLY_DELIVERED)) {
    const p = event.payload;
    if (f.deliveredRound === null || p.round >= f.deliveredRound) {
      Object.assign(f, { deliveredAt: d(p.deliveredAt), deliveredRound: p.round, reviewWindowEnd: d(p.reviewRequestDeadline.due) });
    }
  } else if (isEvent(event, REVIEW_WINDOW_ENDED)) {
    const end = d(event.payload.windowEnd);
    if (!f.reviewWindowEndedFor || end > f.reviewWindowEndedFor) f.reviewWindowEndedFor = end;
  } else if (isEvent(event, EVALUATION_RECORDED)) {
    const p = event.payload;
    const at = d(p.recordedAt);
    const newer =
      f.evalRound === null || p.round > f.evalRound || (p.round === f.evalRound && at.getTime() >= (f.evalRecordedAt as Date).getTime());
    if (newer) Object.assign(f, { evalRound: p.round, evalRecordedAt: at, evalSatisfaction: p.satisfaction, evalSolved: p.solved });
  } else if (isEvent(event, APPEAL_FILED)) {
    if (event.payload.kind === AppealKind.Review) {
      const at = d(event.payload.filedAt);
      if (!f.reviewRequestedAt || at < f.reviewRequestedAt) f.reviewRequestedAt = at;
    }
  }
}

/** Adds a repeat petition linked to this matter (once per repeat; the caller dedupes). */
export function addRepeat(f: MatterFacts, linkedAt: Date): void {
  f.repeatLinkedAts = [...f.repeatLinkedAts, linkedAt].sort((a, b) => a.getTime() - b.getTime());
}
