import { randomUUID } from 'node:crypto';
import {
  ALERT_EMERGENCY,
  AssignmentRole,
  Channel,
  DEADLINE_OVERDUE,
  EVALUATION_RECORDED,
  EvaluationSource,
  Nature,
  PETITION_ASSIGNED,
  PETITION_CLOSED,
  PETITION_REGISTERED,
  PETITION_REPEAT_LINKED,
  PETITION_REPLIED,
  PETITION_TRIAGED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  ReplyOutcome,
  Satisfaction,
  Topics,
  Track,
  TriageOutcome,
  UNIT_UPSERTED,
  UnitKind,
  UnitLevel,
  WORK_ITEM_ACCEPTED,
  WORK_ITEM_OPENED,
  createEnvelope,
  toOffsetIso,
  type DeadlineRef,
  type EventEnvelope,
  type TopicName,
} from '@petition/contracts';

/** One generated event, with the topic and key it is published under. */
export interface GeneratedEvent {
  topic: TopicName;
  key: string;
  envelope: EventEnvelope;
}

/** What the generator decided for one petition: the truth the test computes expectations from. */
export interface GeneratedPetition {
  id: string;
  trackingNo: string;
  registeredAt: Date;
  /** Null for a repeat petition (intake publishes no registration for it; it takes the original's classification). */
  channel: Channel | null;
  nature: Nature;
  categoryCode: string;
  regionCode: string;
  title: string;
  petitionerRef: string;
  headcount: number;
  emergency: boolean;
  repeatOf: string | null;
  leadUnitId: string | null;
  assignedAt: Date | null;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  approvedAt: Date | null;
  deliveredAt: Date | null;
  closedAt: Date | null;
  overdueUnitId: string | null;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DISTRICTS = ['440103', '440104', '440105', '440106', '440111'];
export const CATEGORIES: Record<string, string[]> = {
  'URBAN.NOISE': ['建筑工地夜间施工噪音扰民', '广场舞噪音扰民', '酒吧噪音扰民'],
  'URBAN.PARKING': ['小区停车位被占用', '违规停车堵塞消防通道'],
  'HOUSING.PROPERTY': ['物业公司乱收费', '物业服务质量差电梯故障', '老旧小区加装电梯纠纷'],
  'LABOR.WAGES': ['拖欠工资', '建筑工人拖欠工资', '公司拖欠加班费'],
  'TRANSPORT.BUS': ['公交线路调整不便', '公交站台被占用'],
  'ENV.POLLUTION': ['餐饮油烟污染', '河涌黑臭污水'],
};
/** A problem that appears only in the second half of the month: the weak signal the test looks for. */
export const EMERGING_TITLE = '楼道电动车充电起火隐患';
export const EMERGING_TERM = '电动车';

const CHANNELS = [Channel.Letter, Channel.Visit, Channel.Call, Channel.Online, Channel.Hotline];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const HOUR = 3_600_000;

function deadline(stage: string, start: Date, days: number): DeadlineRef {
  return {
    stage,
    startedAt: toOffsetIso(start),
    due: toOffsetIso(new Date(start.getTime() + days * 86_400_000)),
    ruleSet: 'default@1',
    provisional: false,
  };
}

/** The handling units of the generated city, with their directory events. */
export function generateUnits(): Array<{ id: string; name: string }> {
  return ['区城管局', '区住建局', '区人社局', '区交通局', '区生态环境分局', '街道办事处'].map((name, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    name,
  }));
}

/**
 * Generates `count` petitions registered in [start, start + days), with repeats, collective and
 * emergency petitions, and lifecycles carried through to delivery and closure for some. Returns
 * the petitions and every event, in time order.
 */
export function generateHistory(options: { seed: number; count: number; start: Date; days: number; trackingPrefix?: string }): {
  petitions: GeneratedPetition[];
  events: GeneratedEvent[];
} {
  const r = prng(options.seed);
  const units = generateUnits();
  const events: Array<GeneratedEvent & { at: number }> = [];
  const emit = (topic: TopicName, key: string, type: string, at: Date, petitionId: string | null, payload: object) =>
    events.push({
      topic,
      key,
      at: at.getTime(),
      envelope: createEnvelope(topic.split('.')[1] ?? 'directory', at, { type, petitionId, payload }),
    });
  for (const u of units) {
    emit(Topics.directory, u.id, UNIT_UPSERTED, options.start, null, {
      unitId: u.id,
      code: `U${u.id.slice(-2)}`,
      name: u.name,
      level: UnitLevel.District,
      kind: UnitKind.FunctionalDepartment,
      parentId: null,
      regionCodes: DISTRICTS,
      categoryCodes: Object.keys(CATEGORIES),
      active: true,
    });
  }
  const petitioners = Array.from({ length: Math.max(10, Math.floor(options.count * 0.6)) }, (_, i) => `ptr_${options.seed}_${i}`);
  const petitions: GeneratedPetition[] = [];
  const prefix = options.trackingPrefix ?? `T${options.seed}`;
  const span = options.days * 86_400_000;
  const times = Array.from({ length: options.count }, () => options.start.getTime() + Math.floor(r() * span)).sort((a, b) => a - b);
  for (let i = 0; i < options.count; i++) {
    const registeredAt = new Date(times[i]);
    const id = randomUUID();
    const trackingNo = `${prefix}-${String(i).padStart(6, '0')}`;
    const earlier = petitions.filter((p) => p.repeatOf === null);
    const isRepeat = earlier.length > 5 && r() < 0.1;
    if (isRepeat) {
      const original = pick(r, earlier);
      // Half carry their classification on petition.triaged, as intake publishes it now; the other half
      // are like events published before it did, which take the original's and count as channel unknown.
      const classified = r() < 0.5;
      const p: GeneratedPetition = {
        ...original,
        id,
        trackingNo,
        registeredAt,
        channel: classified ? pick(r, CHANNELS) : null,
        headcount: 1,
        emergency: false,
        repeatOf: original.id,
        leadUnitId: null,
        assignedAt: null,
        acceptedAt: null,
        repliedAt: null,
        approvedAt: null,
        deliveredAt: null,
        closedAt: null,
        overdueUnitId: null,
      };
      petitions.push(p);
      const classification = classified
        ? {
            channel: p.channel,
            nature: p.nature,
            categoryCode: p.categoryCode,
            regionCode: p.regionCode,
            receivedAt: toOffsetIso(registeredAt),
          }
        : {};
      emit(Topics.intake, id, PETITION_REPEAT_LINKED, registeredAt, id, {
        petitionId: id,
        trackingNo,
        originalPetitionId: original.id,
        originalTrackingNo: original.trackingNo,
        similarity: 0.9,
        linkedAt: toOffsetIso(registeredAt),
      });
      emit(Topics.intake, id, PETITION_TRIAGED, registeredAt, id, {
        petitionId: id,
        trackingNo,
        outcome: TriageOutcome.LinkRepeat,
        target: original.trackingNo,
        relatedPetitionId: original.id,
        automatic: true,
        decidedAt: toOffsetIso(registeredAt),
        ...classification,
      });
      continue;
    }
    const secondHalf = times[i] >= options.start.getTime() + span / 2;
    const emerging = secondHalf && r() < 0.04;
    const categoryCode = emerging ? 'URBAN.NOISE' : pick(r, Object.keys(CATEGORIES));
    const title = emerging ? EMERGING_TITLE : pick(r, CATEGORIES[categoryCode]);
    const district = pick(r, DISTRICTS);
    const p: GeneratedPetition = {
      id,
      trackingNo,
      registeredAt,
      channel: pick(r, CHANNELS),
      nature: r() < 0.7 ? Nature.Claim : r() < 0.7 ? Nature.Suggestion : Nature.Accusation,
      categoryCode,
      regionCode: `${district}00${1 + Math.floor(r() * 4)}`,
      title,
      petitionerRef: pick(r, petitioners),
      headcount: r() < 0.06 ? 5 + Math.floor(r() * 30) : 1,
      emergency: r() < 0.04,
      repeatOf: null,
      leadUnitId: null,
      assignedAt: null,
      acceptedAt: null,
      repliedAt: null,
      approvedAt: null,
      deliveredAt: null,
      closedAt: null,
      overdueUnitId: null,
    };
    petitions.push(p);
    if (p.emergency) {
      emit(Topics.intake, id, ALERT_EMERGENCY, registeredAt, id, {
        petitionId: id,
        trackingNo,
        regionCode: p.regionCode,
        flaggedByClerk: true,
        signals: ['mass_gathering'],
        raisedAt: toOffsetIso(registeredAt),
      });
    }
    emit(Topics.intake, id, PETITION_REGISTERED, registeredAt, id, {
      petitionId: id,
      trackingNo,
      channel: p.channel,
      nature: p.nature,
      title,
      categoryCode,
      regionCode: p.regionCode,
      petitionerRef: p.petitionerRef,
      petitionerNameMasked: '张*',
      headcount: p.headcount,
      emergency: p.emergency,
      accusedUnitId: null,
      registeredAt: toOffsetIso(registeredAt),
    });
    emit(Topics.intake, id, PETITION_TRIAGED, registeredAt, id, {
      petitionId: id,
      trackingNo,
      outcome: TriageOutcome.Dispatch,
      target: null,
      relatedPetitionId: null,
      automatic: true,
      decidedAt: toOffsetIso(registeredAt),
    });
    if (r() < 0.1) continue;
    const unit = pick(r, units);
    const assignmentId = randomUUID();
    const workItemId = randomUUID();
    p.leadUnitId = unit.id;
    p.assignedAt = new Date(registeredAt.getTime() + Math.floor((1 + r() * 23) * HOUR));
    emit(Topics.dispatch, id, PETITION_ASSIGNED, p.assignedAt, id, {
      assignmentId,
      petitionId: id,
      trackingNo,
      leadUnitId: unit.id,
      coHandlerUnitIds: [],
      track: Track.Standard,
      nature: p.nature,
      title,
      categoryCode,
      regionCode: p.regionCode,
      petitionerNameMasked: '张*',
      instructions: null,
      acceptDeadline: deadline('unit_accept', p.assignedAt, 3),
      returnDeadline: deadline('unit_return', p.assignedAt, 5),
      handlingStage: 'handling_standard',
      ruleId: null,
      assignedAt: toOffsetIso(p.assignedAt),
    });
    emit(Topics.handling, id, WORK_ITEM_OPENED, p.assignedAt, id, {
      workItemId,
      petitionId: id,
      assignmentId,
      unitId: unit.id,
      role: AssignmentRole.Lead,
      openedAt: toOffsetIso(p.assignedAt),
    });
    if (r() < 0.15) {
      p.overdueUnitId = unit.id;
      const due = new Date(p.assignedAt.getTime() + 3 * 86_400_000);
      emit(Topics.supervision, id, DEADLINE_OVERDUE, due, id, {
        deadlineId: randomUUID(),
        petitionId: id,
        unitId: unit.id,
        stage: 'unit_accept',
        due: toOffsetIso(due),
        flag: 'overdue',
        firedAt: toOffsetIso(due),
      });
    }
    if (r() < 0.2) continue;
    p.acceptedAt = new Date(p.assignedAt.getTime() + Math.floor((1 + r() * 47) * HOUR));
    emit(Topics.handling, id, WORK_ITEM_ACCEPTED, p.acceptedAt, id, {
      workItemId,
      petitionId: id,
      assignmentId,
      unitId: unit.id,
      acceptedAt: toOffsetIso(p.acceptedAt),
      acceptedOnTime: true,
      handlingDeadline: deadline('handling_standard', p.acceptedAt, 60),
      firstContactDeadline: deadline('first_contact', p.acceptedAt, 1),
    });
    if (r() < 0.4) continue;
    const replyId = randomUUID();
    p.repliedAt = new Date(p.acceptedAt.getTime() + Math.floor((48 + r() * 400) * HOUR));
    emit(Topics.handling, id, PETITION_REPLIED, p.repliedAt, id, {
      replyId,
      workItemId,
      petitionId: id,
      assignmentId,
      unitId: unit.id,
      round: 1,
      outcome: ReplyOutcome.Support,
      facts: '经查属实',
      decision: '已责令整改',
      legalBasis: '《信访工作条例》',
      text: '您反映的问题已处理。',
      attachments: [],
      handlingDeadline: deadline('handling_standard', p.acceptedAt, 60),
      repliedOnTime: true,
      repliedAt: toOffsetIso(p.repliedAt),
    });
    p.approvedAt = new Date(p.repliedAt.getTime() + Math.floor((2 + r() * 40) * HOUR));
    emit(Topics.supervision, id, REVIEW_APPROVED, p.approvedAt, id, {
      reviewId: randomUUID(),
      replyId,
      workItemId,
      petitionId: id,
      unitId: unit.id,
      round: 1,
      firstReview: true,
      deliveryDeadline: deadline('reply_delivery', p.approvedAt, 2),
      decidedAt: toOffsetIso(p.approvedAt),
    });
    if (r() < 0.2) continue;
    p.deliveredAt = new Date(p.approvedAt.getTime() + Math.floor((1 + r() * 30) * HOUR));
    emit(Topics.supervision, id, REPLY_DELIVERED, p.deliveredAt, id, {
      replyId,
      petitionId: id,
      unitId: unit.id,
      round: 1,
      callbackDeadline: deadline('callback', p.deliveredAt, 5),
      reviewRequestDeadline: deadline('review_request', p.deliveredAt, 30),
      deliveredAt: toOffsetIso(p.deliveredAt),
    });
    p.closedAt = new Date(p.deliveredAt.getTime() + Math.floor((24 + r() * 72) * HOUR));
    emit(Topics.supervision, id, EVALUATION_RECORDED, p.closedAt, id, {
      evaluationId: randomUUID(),
      petitionId: id,
      unitId: unit.id,
      replyId,
      round: 1,
      satisfaction: r() < 0.8 ? Satisfaction.Satisfied : Satisfaction.Dissatisfied,
      solved: true,
      source: EvaluationSource.Callback,
      recordedAt: toOffsetIso(p.closedAt),
    });
    emit(Topics.supervision, id, PETITION_CLOSED, p.closedAt, id, { petitionId: id, unitId: unit.id, closedAt: toOffsetIso(p.closedAt) });
  }
  events.sort((a, b) => a.at - b.at);
  return { petitions, events: events.map(({ topic, key, envelope }) => ({ topic, key, envelope })) };
}
