import { randomUUID } from 'node:crypto';
import { Topics, toOffsetIso, type EventEnvelope } from '@petition/contracts';

/** A generated upstream event and the topic it travels on. */
export interface GeneratedEvent {
  topic: string;
  envelope: EventEnvelope<Record<string, unknown>>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPIC: Record<string, string> = {
  'petition.registered': Topics.intake,
  'petition.repeat_linked': Topics.intake,
  'petition.triaged': Topics.intake,
  'petition.assigned': Topics.dispatch,
  'assignment.returned': Topics.dispatch,
  'work_item.accepted': Topics.handling,
  'extension.approved': Topics.handling,
  'petition.replied': Topics.handling,
  'review.approved': Topics.supervision,
  'review.returned': Topics.supervision,
  'reply.delivered': Topics.supervision,
  'evaluation.recorded': Topics.supervision,
  'appeal.filed': Topics.supervision,
  'deadline.overdue': Topics.supervision,
  'review_window.ended': Topics.supervision,
};

const ref = (stage: string, start: number, due: number) => ({
  stage,
  startedAt: toOffsetIso(new Date(start)),
  due: toOffsetIso(new Date(due)),
  ruleSet: 'default-2026.1',
  provisional: false,
});

/** What {@link generateScenario} returns. */
export interface Scenario {
  /** Everything that happened by the end of the simulation, in time order. */
  events: GeneratedEvent[];
  unitIds: string[];
  /**
   * The ends of review windows that fall after the simulation's end (`review_window.ended`, as
   * supervision's sweep records them), in time order: a test that moves the clock past them sends them.
   */
  later: GeneratedEvent[];
}

/**
 * Drives `matters` matters across `units` units through `days` simulated days from `start`: on
 * time, late, never done, extended, returned and re-assigned, reworked, evaluated (and evaluated
 * again after a rework), appealed, repeated, flagged overdue — including callbacks flagged overdue
 * against the unit, as releases before the callback became the bureau's step did. Only what
 * happened by the end exists; the ends of review windows after it are in `later`.
 */
export function generateScenario(options: { matters: number; units: number; start: number; days: number; seed?: number }): Scenario {
  const rnd = prng(options.seed ?? 20261001);
  const end = options.start + options.days * DAY;
  const unitIds = Array.from({ length: options.units }, () => randomUUID());
  const events: GeneratedEvent[] = [];
  const later: GeneratedEvent[] = [];
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

  for (let i = 0; i < options.matters; i++) {
    const petitionId = randomUUID();
    const trackingNo = `XF2026${String(i).padStart(6, '0')}`;
    const nature = pick(['claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'suggestion', 'suggestion', 'accusation'] as const);
    const envelope = (type: string, at: number, payload: Record<string, unknown>, pid: string): GeneratedEvent => {
      const eventId = randomUUID();
      return {
        topic: TOPIC[type],
        envelope: {
          eventId,
          type,
          version: 1,
          petitionId: pid,
          occurredAt: toOffsetIso(new Date(at)),
          producer: 'scenario',
          causationId: null,
          correlationId: eventId,
          payload,
        },
      };
    };
    // Returns false once the step lies after the end of the simulation: nothing after it happens.
    const emit = (type: string, at: number, payload: Record<string, unknown>, pid: string = petitionId): boolean => {
      if (at > end) return false;
      events.push(envelope(type, at, payload, pid));
      return true;
    };
    const overdue = (stage: string, unitId: string | null, due: number) =>
      emit('deadline.overdue', due + 60_000, {
        deadlineId: randomUUID(),
        petitionId,
        unitId,
        stage,
        due: toOffsetIso(new Date(due)),
        flag: 'overdue',
        firedAt: toOffsetIso(new Date(due + 60_000)),
      });

    const registeredAt = options.start + between(0, (options.days - 5) * DAY);
    emit('petition.registered', registeredAt, {
      petitionId,
      trackingNo,
      channel: 'online',
      nature,
      title: '小区噪音扰民',
      categoryCode: 'ENV.NOISE',
      regionCode: '440106',
      petitionerRef: `pr-${i}`,
      petitionerNameMasked: '张*',
      headcount: 1,
      emergency: false,
      registeredAt: toOffsetIso(new Date(registeredAt)),
    });

    const assign = (unitId: string, at: number) => {
      const assignmentId = randomUUID();
      const acceptDue = at + 3 * DAY;
      const ok = emit('petition.assigned', at, {
        assignmentId,
        petitionId,
        trackingNo,
        leadUnitId: unitId,
        coHandlerUnitIds: [],
        track: 'standard',
        nature,
        title: '小区噪音扰民',
        categoryCode: 'ENV.NOISE',
        regionCode: '440106',
        petitionerNameMasked: '张*',
        acceptDeadline: ref('unit_accept', at, acceptDue),
        returnDeadline: ref('unit_return', at, at + 7 * DAY),
        handlingStage: 'handling_standard',
        assignedAt: toOffsetIso(new Date(at)),
      });
      return { assignmentId, unitId, at, acceptDue, ok };
    };
    let a = assign(pick(unitIds), registeredAt + 2 * HOUR);
    if (!a.ok) continue;
    if (rnd() < 0.08) {
      const confirmedAt = a.at + between(HOUR, 2 * DAY);
      if (
        !emit('assignment.returned', confirmedAt, {
          returnId: randomUUID(),
          assignmentId: a.assignmentId,
          petitionId,
          unitId: a.unitId,
          reason: '不属于本单位职责',
          requestedAt: toOffsetIso(new Date(a.at + HOUR / 2)),
          confirmedAt: toOffsetIso(new Date(confirmedAt)),
          countsAgainstUnit: false,
          escalated: false,
        })
      )
        continue;
      a = assign(pick(unitIds.filter((u) => u !== a.unitId)), confirmedAt + HOUR);
      if (!a.ok) continue;
    }
    const unitId = a.unitId;

    // Acceptance: 3 % never, 15 % late, the rest on time.
    const r = rnd();
    if (r < 0.03) {
      overdue('unit_accept', unitId, a.acceptDue);
      continue;
    }
    const acceptedAt = r < 0.18 ? a.acceptDue + between(HOUR, 3 * DAY) : a.at + between(HOUR, 3 * DAY - HOUR);
    if (acceptedAt > a.acceptDue) overdue('unit_accept', unitId, a.acceptDue);
    const handlingDue = acceptedAt + between(12, 25) * DAY;
    const workItemId = randomUUID();
    if (
      !emit('work_item.accepted', acceptedAt, {
        workItemId,
        petitionId,
        assignmentId: a.assignmentId,
        unitId,
        acceptedAt: toOffsetIso(new Date(acceptedAt)),
        acceptedOnTime: acceptedAt <= a.acceptDue,
        handlingDeadline: ref('handling_standard', acceptedAt, handlingDue),
        firstContactDeadline: ref('first_contact', acceptedAt, acceptedAt + DAY),
      })
    )
      continue;
    let due = handlingDue;
    if (rnd() < 0.1) {
      due = handlingDue + 10 * DAY;
      emit('extension.approved', acceptedAt + 5 * DAY, {
        requestId: randomUUID(),
        workItemId,
        petitionId,
        unitId,
        approved: true,
        decidedAt: toOffsetIso(new Date(acceptedAt + 5 * DAY)),
        note: null,
        handlingDeadline: ref('handling_standard', acceptedAt, due),
      });
    }

    // Reply: 5 % never, 15 % late.
    const rr = rnd();
    if (rr < 0.05) {
      overdue('handling_standard', unitId, due);
      continue;
    }
    const replied = rr < 0.2 ? due + between(HOUR, 5 * DAY) : acceptedAt + between(2 * DAY, due - acceptedAt - HOUR);
    if (replied > due) overdue('handling_standard', unitId, due);
    let round = 1;
    const reply = (at: number, deadline: number) => {
      const replyId = randomUUID();
      const ok = emit('petition.replied', at, {
        replyId,
        workItemId,
        petitionId,
        assignmentId: a.assignmentId,
        unitId,
        round,
        outcome: 'support',
        facts: '经查属实',
        decision: '予以支持',
        legalBasis: '《信访工作条例》',
        text: '答复意见',
        attachments: [],
        handlingDeadline: ref(round === 1 ? 'handling_standard' : 'rework', acceptedAt, deadline),
        repliedOnTime: at <= deadline,
        repliedAt: toOffsetIso(new Date(at)),
      });
      return { replyId, at, ok };
    };
    const approve = (replyId: string, at: number, first: boolean) =>
      emit('review.approved', at, {
        reviewId: randomUUID(),
        replyId,
        workItemId,
        petitionId,
        unitId,
        round,
        firstReview: first,
        deliveryDeadline: ref('reply_delivery', at, at + 2 * DAY),
        decidedAt: toOffsetIso(new Date(at)),
      });
    let lastDelivery: { replyId: string; at: number; round: number } | null = null;
    const deliver = (replyId: string, at: number) => {
      const ok = emit('reply.delivered', at, {
        replyId,
        petitionId,
        unitId,
        round,
        callbackDeadline: ref('callback', at, at + 5 * DAY),
        reviewRequestDeadline: ref('review_request', at, at + 30 * DAY),
        deliveredAt: toOffsetIso(new Date(at)),
      });
      if (ok) lastDelivery = { replyId, at, round };
      return ok;
    };
    const evaluate = (replyId: string, at: number) =>
      emit('evaluation.recorded', at, {
        evaluationId: randomUUID(),
        petitionId,
        unitId,
        replyId,
        round,
        satisfaction: pick(['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied']),
        solved: rnd() < 0.7,
        source: pick(['petitioner', 'callback']),
        recordedAt: toOffsetIso(new Date(at)),
      });

    let current = reply(replied, due);
    if (!current.ok) continue;
    let reviewedAt = current.at + between(HOUR, 2 * DAY);
    if (rnd() < 0.15) {
      const reworkDue = reviewedAt + 7 * DAY;
      if (
        !emit('review.returned', reviewedAt, {
          reviewId: randomUUID(),
          replyId: current.replyId,
          workItemId,
          petitionId,
          unitId,
          round,
          reason: '答复依据不足',
          reworkDeadline: ref('rework', reviewedAt, reworkDue),
          decidedAt: toOffsetIso(new Date(reviewedAt)),
        })
      )
        continue;
      round = 2;
      current = reply(reviewedAt + (rnd() < 0.3 ? between(7 * DAY + HOUR, 10 * DAY) : between(2 * DAY, 6 * DAY)), reworkDue);
      if (!current.ok) continue;
      reviewedAt = current.at + between(HOUR, DAY);
      if (!approve(current.replyId, reviewedAt, false)) continue;
    } else if (!approve(current.replyId, reviewedAt, true)) continue;
    let deliveredAt = reviewedAt + between(HOUR, 2 * DAY);
    if (!deliver(current.replyId, deliveredAt)) continue;

    if (rnd() >= 0.75) {
      // Not called back in time: the callback deadline goes overdue. It is the bureau's step; earlier
      // releases flagged it against the unit, and those flags are still on the topic.
      overdue('callback', rnd() < 0.5 ? unitId : null, deliveredAt + 5 * DAY);
    } else {
      let evaluatedAt = deliveredAt + between(HOUR, 4 * DAY);
      if (evaluate(current.replyId, evaluatedAt) && rnd() < 0.08) {
        // Reworked after the petitioner's verdict, delivered and evaluated again: the latest counts.
        round += 1;
        current = reply(evaluatedAt + 2 * DAY, evaluatedAt + 10 * DAY);
        if (current.ok && approve(current.replyId, evaluatedAt + 3 * DAY, false)) {
          deliveredAt = evaluatedAt + 4 * DAY;
          if (deliver(current.replyId, deliveredAt)) {
            evaluatedAt = deliveredAt + DAY;
            evaluate(current.replyId, evaluatedAt);
          }
        }
      }
    }
    // The sweep records the end of the last delivered reply's review window (30 days) when it comes.
    const delivered = lastDelivery as { replyId: string; at: number; round: number } | null;
    if (delivered) {
      const windowEnd = delivered.at + 30 * DAY;
      const recordedAt = windowEnd;
      const ended = envelope(
        'review_window.ended',
        recordedAt,
        {
          petitionId,
          replyId: delivered.replyId,
          round: delivered.round,
          deliveredAt: toOffsetIso(new Date(delivered.at)),
          windowEnd: toOffsetIso(new Date(windowEnd)),
          recordedAt: toOffsetIso(new Date(recordedAt)),
        },
        petitionId,
      );
      (recordedAt > end ? later : events).push(ended);
    }
    if (rnd() < 0.08) {
      const filedAt = deliveredAt + between(DAY, 25 * DAY);
      emit('appeal.filed', filedAt, {
        appealId: randomUUID(),
        petitionId,
        kind: 'review',
        unitId,
        decisionDeadline: ref('review_decision', filedAt, filedAt + 30 * DAY),
        filedAt: toOffsetIso(new Date(filedAt)),
      });
    }
    if (rnd() < 0.08) {
      const linkedAt = deliveredAt + between(DAY, 40 * DAY);
      const repeatId = randomUUID();
      emit(
        'petition.repeat_linked',
        linkedAt,
        {
          petitionId: repeatId,
          trackingNo: `XF2026R${String(i).padStart(5, '0')}`,
          originalPetitionId: petitionId,
          originalTrackingNo: trackingNo,
          similarity: 0.93,
          linkedAt: toOffsetIso(new Date(linkedAt)),
        },
        repeatId,
      );
    }
  }
  events.sort((x, y) => Date.parse(x.envelope.occurredAt) - Date.parse(y.envelope.occurredAt));
  later.sort((x, y) => Date.parse(x.envelope.occurredAt) - Date.parse(y.envelope.occurredAt));
  return { events, unitIds, later };
}
