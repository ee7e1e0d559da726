import {
  APPEAL_DECIDED,
  APPEAL_FILED,
  APPEAL_HEARING_RECORDED,
  ASSIGNMENT_RETURNED,
  EVALUATION_RECORDED,
  EXTENSION_APPROVED,
  PETITION_ASSIGNED,
  PETITION_REGISTERED,
  PETITION_REPLIED,
  PETITION_TRIAGED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  SUPERVISION_ORDER_ANSWERED,
  SUPERVISION_ORDER_ISSUED,
  TriageOutcome,
  WORK_ITEM_ACCEPTED,
  WORK_ITEM_CONTACT_RECORDED,
  isEvent,
  type DeadlineRef,
  type EventEnvelope,
} from '@petition/contracts';
import { stageHolder } from '@petition/deadlines';

/** Opens the deadline of a step that just started; the due date comes from the event (triage: computed). */
export interface OpenIntent {
  kind: 'open';
  petitionId: string;
  stage: string;
  /** Which obligation of the matter: stage family plus the instance (assignment, work item and round, reply, appeal, order). */
  ownerKey: string;
  /** The unit held to it; null for the petition bureau. */
  unitId: string | null;
  /** The escalation ladder applies (obligations of units, supervision orders excepted). */
  ladder: boolean;
  deadline: { ref: DeadlineRef } | { triageFrom: string };
}

/** The step was done (`complete`) or withdrawn (`cancel`); recorded as pending when its opening has not arrived yet. */
export interface CloseIntent {
  kind: 'complete' | 'cancel';
  petitionId: string;
  ownerKey: string;
  at: string;
  /** False when no opening can follow (then a missing row means there is nothing to close). */
  remember: boolean;
}

/**
 * The open deadline whose key starts with `ownerKeyPrefix` moves to `ref.due`: by an approved
 * extension (`extend`), or by hearing time that is not counted (`pause`, from `at` to `until`).
 */
export interface ExtendIntent {
  kind: 'extend' | 'pause';
  /** End of the pause (pause only). */
  until?: string;
  petitionId: string;
  ownerKeyPrefix: string;
  ref: DeadlineRef;
  at: string;
  by: string;
  reason: string;
}

/** One change the tracker makes for an event. */
export type DeadlineIntent = OpenIntent | CloseIntent | ExtendIntent;

/** Every event type that opens, moves or closes a deadline: the types {@link deadlineIntents} acts on. */
export const DEADLINE_EVENT_TYPES = [
  PETITION_REGISTERED,
  PETITION_TRIAGED,
  PETITION_ASSIGNED,
  ASSIGNMENT_RETURNED,
  WORK_ITEM_ACCEPTED,
  WORK_ITEM_CONTACT_RECORDED,
  EXTENSION_APPROVED,
  PETITION_REPLIED,
  REVIEW_RETURNED,
  REVIEW_APPROVED,
  REPLY_DELIVERED,
  EVALUATION_RECORDED,
  APPEAL_FILED,
  APPEAL_HEARING_RECORDED,
  APPEAL_DECIDED,
  SUPERVISION_ORDER_ISSUED,
  SUPERVISION_ORDER_ANSWERED,
] as const;

/** Owner keys, shared by the openings and the completions that must find them. */
export const OwnerKeys = {
  triage: 'triage',
  accept: (assignmentId: string) => `assignment:${assignmentId}`,
  contact: (workItemId: string) => `contact:${workItemId}`,
  reply: (workItemId: string, round: number) => `reply:${workItemId}:${round}`,
  delivery: (replyId: string) => `delivery:${replyId}`,
  callback: (replyId: string) => `callback:${replyId}`,
  appeal: (appealId: string) => `appeal:${appealId}`,
  order: (orderId: string) => `order:${orderId}`,
} as const;

/**
 * Opens the deadline of a step, held to whoever performs it (libs/deadlines `stageHolder`). A unit's
 * step names the unit and climbs the escalation ladder. The bureau's steps (delivery, callback,
 * appeal decisions) are recorded by its supervisors and clerks, never by the unit, so they name no
 * unit and have no ladder: a unit is never marked overdue for a step it cannot perform.
 */
const heldStep = (petitionId: string, stage: string, ownerKey: string, unitId: string | null, ref: DeadlineRef): OpenIntent => {
  const unit = stageHolder(stage) === 'unit' ? unitId : null;
  return { kind: 'open', petitionId, stage, ownerKey, unitId: unit, ladder: unit !== null, deadline: { ref } };
};

const close = (kind: 'complete' | 'cancel', petitionId: string, ownerKey: string, at: string, remember = true): CloseIntent => ({
  kind,
  petitionId,
  ownerKey,
  at,
  remember,
});

/**
 * What an event means for the deadlines supervision tracks (docs/rules.md "Default deadlines"). The
 * petitioner's own windows (review_request, reexam_request) are not obligations and are not
 * tracked. Pure: the handler applies the intents.
 */
export function deadlineIntents(event: EventEnvelope): DeadlineIntent[] {
  if (isEvent(event, PETITION_REGISTERED)) {
    const p = event.payload;
    return [
      {
        kind: 'open',
        petitionId: p.petitionId,
        stage: 'triage',
        ownerKey: OwnerKeys.triage,
        unitId: null,
        ladder: false,
        deadline: { triageFrom: p.registeredAt },
      },
    ];
  }
  if (isEvent(event, PETITION_TRIAGED)) {
    // Routed to dispatch: "register and route" ends when the matter is assigned. Other outcomes end it here.
    const p = event.payload;
    return p.outcome === TriageOutcome.Dispatch ? [] : [close('complete', p.petitionId, OwnerKeys.triage, p.decidedAt, false)];
  }
  if (isEvent(event, PETITION_ASSIGNED)) {
    const p = event.payload;
    return [
      close('complete', p.petitionId, OwnerKeys.triage, p.assignedAt),
      heldStep(p.petitionId, 'unit_accept', OwnerKeys.accept(p.assignmentId), p.leadUnitId, p.acceptDeadline),
    ];
  }
  if (isEvent(event, ASSIGNMENT_RETURNED)) {
    const p = event.payload;
    return [close('cancel', p.petitionId, OwnerKeys.accept(p.assignmentId), p.confirmedAt)];
  }
  if (isEvent(event, WORK_ITEM_ACCEPTED)) {
    const p = event.payload;
    return [
      close('complete', p.petitionId, OwnerKeys.accept(p.assignmentId), p.acceptedAt),
      heldStep(p.petitionId, 'first_contact', OwnerKeys.contact(p.workItemId), p.unitId, p.firstContactDeadline),
      heldStep(p.petitionId, p.handlingDeadline.stage, OwnerKeys.reply(p.workItemId, 1), p.unitId, p.handlingDeadline),
    ];
  }
  if (isEvent(event, WORK_ITEM_CONTACT_RECORDED)) {
    const p = event.payload;
    return p.first ? [close('complete', p.petitionId, OwnerKeys.contact(p.workItemId), p.contactedAt)] : [];
  }
  if (isEvent(event, EXTENSION_APPROVED)) {
    const p = event.payload;
    if (!p.approved || !p.handlingDeadline) return [];
    return [
      {
        kind: 'extend',
        petitionId: p.petitionId,
        ownerKeyPrefix: `reply:${p.workItemId}:`,
        ref: p.handlingDeadline,
        at: p.decidedAt,
        by: `unit_head@${p.unitId}`,
        reason: p.note?.trim() ? p.note : '延期已批准 (extension approved)',
      },
    ];
  }
  if (isEvent(event, PETITION_REPLIED)) {
    const p = event.payload;
    return [close('complete', p.petitionId, OwnerKeys.reply(p.workItemId, p.round), p.repliedAt)];
  }
  if (isEvent(event, REVIEW_RETURNED)) {
    const p = event.payload;
    return [heldStep(p.petitionId, p.reworkDeadline.stage, OwnerKeys.reply(p.workItemId, p.round + 1), p.unitId, p.reworkDeadline)];
  }
  if (isEvent(event, REVIEW_APPROVED)) {
    const p = event.payload;
    return [heldStep(p.petitionId, 'reply_delivery', OwnerKeys.delivery(p.replyId), p.unitId, p.deliveryDeadline)];
  }
  if (isEvent(event, REPLY_DELIVERED)) {
    const p = event.payload;
    return [
      close('complete', p.petitionId, OwnerKeys.delivery(p.replyId), p.deliveredAt),
      heldStep(p.petitionId, 'callback', OwnerKeys.callback(p.replyId), p.unitId, p.callbackDeadline),
    ];
  }
  if (isEvent(event, EVALUATION_RECORDED)) {
    const p = event.payload;
    return [close('complete', p.petitionId, OwnerKeys.callback(p.replyId), p.recordedAt)];
  }
  if (isEvent(event, APPEAL_FILED)) {
    const p = event.payload;
    return [heldStep(p.petitionId, p.decisionDeadline.stage, OwnerKeys.appeal(p.appealId), p.unitId ?? null, p.decisionDeadline)];
  }
  if (isEvent(event, APPEAL_HEARING_RECORDED)) {
    const p = event.payload;
    return [
      {
        kind: 'pause',
        petitionId: p.petitionId,
        ownerKeyPrefix: OwnerKeys.appeal(p.appealId),
        ref: p.decisionDeadline,
        at: p.from,
        until: p.to,
        by: 'hearing',
        reason: '听证时间不计入复核期限 (hearing time, 条例 Art. 36)',
      },
    ];
  }
  if (isEvent(event, APPEAL_DECIDED)) {
    const p = event.payload;
    return [close('complete', p.petitionId, OwnerKeys.appeal(p.appealId), p.decidedAt)];
  }
  if (isEvent(event, SUPERVISION_ORDER_ISSUED)) {
    // An order's answer deadline gets warning and overdue, but no ladder of its own: an order about an
    // order would never end. Overdue answers show on the unit's record.
    const p = event.payload;
    return [{ ...heldStep(p.petitionId, 'supervision_order', OwnerKeys.order(p.orderId), p.unitId, p.answerDeadline), ladder: false }];
  }
  if (isEvent(event, SUPERVISION_ORDER_ANSWERED)) {
    const p = event.payload;
    return [close('complete', p.petitionId, OwnerKeys.order(p.orderId), p.answeredAt)];
  }
  return [];
}
