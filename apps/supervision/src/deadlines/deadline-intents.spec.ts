import { randomUUID } from 'node:crypto';
import {
  APPEAL_FILED,
  APPEAL_HEARING_RECORDED,
  PETITION_REPLIED,
  PETITION_TRIAGED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  SUPERVISION_ORDER_ISSUED,
  TriageOutcome,
  EventPayloadClasses,
  createEnvelope,
  type DeadlineRef,
} from '@petition/contracts';
import { DEADLINE_EVENT_TYPES, OwnerKeys, deadlineIntents } from './deadline-intents';

const at = '2026-11-23T09:00:00+08:00';
const ref = (stage: string): DeadlineRef => ({
  stage,
  startedAt: at,
  due: '2026-12-01T00:00:00+08:00',
  ruleSet: 'default@2022.1',
  provisional: false,
});
const envelope = (type: string, payload: object) => createEnvelope('test', new Date(at), { type, petitionId: randomUUID(), payload });

describe('deadlineIntents', () => {
  const petitionId = randomUUID();
  const workItemId = randomUUID();
  const unitId = randomUUID();

  it('opens the rework of round n+1 on a return, which the reply of round n+1 completes', () => {
    const [open] = deadlineIntents(
      envelope(REVIEW_RETURNED, {
        reviewId: randomUUID(),
        replyId: randomUUID(),
        workItemId,
        petitionId,
        unitId,
        round: 1,
        reason: '事实不清',
        reworkDeadline: ref('handling_fast'),
        decidedAt: at,
      }),
    );
    expect(open).toMatchObject({ kind: 'open', stage: 'handling_fast', ownerKey: OwnerKeys.reply(workItemId, 2), unitId, ladder: true });
    const [close] = deadlineIntents(envelope(PETITION_REPLIED, { workItemId, petitionId, unitId, round: 2, repliedAt: at }));
    expect(close).toMatchObject({ kind: 'complete', ownerKey: OwnerKeys.reply(workItemId, 2), remember: true });
  });

  it('holds the bureau, not the unit, to the callback, and does not track the petitioner’s review window as an obligation', () => {
    const replyId = randomUUID();
    const intents = deadlineIntents(
      envelope(REPLY_DELIVERED, {
        replyId,
        petitionId,
        unitId,
        round: 1,
        callbackDeadline: ref('callback'),
        reviewRequestDeadline: ref('review_request'),
        deliveredAt: at,
      }),
    );
    expect(intents.map((i) => i.kind)).toEqual(['complete', 'open']);
    // Units cannot record a callback (POST /api/evaluations is for supervisors and clerks).
    expect(intents[1]).toMatchObject({
      kind: 'open',
      stage: 'callback',
      ownerKey: OwnerKeys.callback(replyId),
      unitId: null,
      ladder: false,
    });
    expect(intents.some((i) => 'stage' in i && i.stage === 'review_request')).toBe(false);
  });

  it('holds the bureau to delivery and to appeal decisions, the unit to its supervision order (without a ladder)', () => {
    const replyId = randomUUID();
    const [delivery] = deadlineIntents(
      envelope(REVIEW_APPROVED, {
        reviewId: randomUUID(),
        replyId,
        workItemId,
        petitionId,
        unitId,
        round: 1,
        firstReview: true,
        delivery: 'post',
        deliveryDeadline: ref('reply_delivery'),
        decidedAt: at,
      }),
    );
    expect(delivery).toMatchObject({ stage: 'reply_delivery', unitId: null, ladder: false });
    const [decision] = deadlineIntents(
      envelope(APPEAL_FILED, {
        appealId: randomUUID(),
        petitionId,
        kind: 'review',
        unitId,
        decisionDeadline: ref('review_decision'),
        filedAt: at,
      }),
    );
    expect(decision).toMatchObject({ stage: 'review_decision', unitId: null, ladder: false });
    const [order] = deadlineIntents(
      envelope(SUPERVISION_ORDER_ISSUED, {
        orderId: randomUUID(),
        petitionId,
        unitId,
        level: 'order',
        reason: '督办',
        source: 'supervisor',
        issuedBy: 's',
        answerDeadline: ref('supervision_order'),
        issuedAt: at,
      }),
    );
    expect(order).toMatchObject({ stage: 'supervision_order', unitId, ladder: false });
  });

  it('leaves triage open when the matter goes to dispatch (routing ends it), closes it otherwise', () => {
    const triaged = (outcome: TriageOutcome) =>
      deadlineIntents(envelope(PETITION_TRIAGED, { petitionId, trackingNo: 'X', outcome, decidedAt: at }));
    expect(triaged(TriageOutcome.Dispatch)).toEqual([]);
    expect(triaged(TriageOutcome.Inform)).toEqual([{ kind: 'complete', petitionId, ownerKey: 'triage', at, remember: false }]);
  });

  it('pauses a re-examination decision deadline for the hearing', () => {
    const appealId = randomUUID();
    const [pause] = deadlineIntents(
      envelope(APPEAL_HEARING_RECORDED, {
        appealId,
        petitionId,
        kind: 'reexamination',
        from: at,
        to: '2026-11-25T09:00:00+08:00',
        decisionDeadline: ref('reexam_decision'),
        recordedAt: at,
      }),
    );
    expect(pause).toMatchObject({ kind: 'pause', ownerKeyPrefix: OwnerKeys.appeal(appealId), at, until: '2026-11-25T09:00:00+08:00' });
  });

  it('ignores events it has nothing to do with', () => {
    expect(deadlineIntents(envelope('unit.upserted', {}))).toEqual([]);
  });

  it('acts on no event type outside DEADLINE_EVENT_TYPES, the types its subscription names', () => {
    const listed = new Set<string>(DEADLINE_EVENT_TYPES);
    const others = Object.keys(EventPayloadClasses).filter((type) => !listed.has(type));
    expect(others.length).toBeGreaterThan(10);
    for (const type of others)
      expect({ type, intents: deadlineIntents(envelope(type, { petitionId, unitId, round: 1 })) }).toEqual({ type, intents: [] });
  });
});
