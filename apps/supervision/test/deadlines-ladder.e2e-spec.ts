import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  EXTENSION_APPROVED,
  Nature,
  PETITION_ASSIGNED,
  Role,
  Topics,
  Track,
  WORK_ITEM_ACCEPTED,
  WORK_ITEM_CONTACT_RECORDED,
  createEnvelope,
  type DeadlineRef,
  type EventEnvelope,
  type ExtensionDecidedPayload,
  type PetitionAssignedPayload,
  type WorkItemAcceptedPayload,
  type WorkItemContactRecordedPayload,
} from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar, type StageId } from '@petition/deadlines';
import {
  bearer,
  bootService,
  clockStartingAt,
  eventually,
  migrate,
  startTestStack,
  type ServiceApp,
  type TestStack,
} from '@petition/testing';
import { createApp } from '../src/bootstrap';
import { supervisionMigrations } from '../src/database/migrations';

const calendar = loadCalendar();
const rules = defaultRuleSet();
/** A deadline fixed the way the other services fix them (libs/deadlines, default rule set). */
function ref(stage: StageId, startedAt: string): DeadlineRef {
  const d = Deadline.start({ start: startedAt, stage, rules, calendar });
  return { stage, startedAt, due: d.due, ruleSet: d.ruleSetVersion, provisional: d.provisional };
}

describe('deadline tracker, sweep and escalation ladder on the controllable clock', () => {
  let stack: TestStack;
  let app: ServiceApp;
  let producer: Producer;
  let consumer: Consumer;
  const seen: EventEnvelope[] = [];
  const admin = bearer([Role.Admin]);
  const supervisor = bearer([Role.Supervisor]);
  const unitId = randomUUID();
  /** Monday 23 November 2026, 09:00 in Asia/Shanghai. */
  const MONDAY = '2026-11-23T09:00:00+08:00';

  const publish = async (topic: string, type: string, petitionId: string, payload: object, at: string) => {
    await producer.send({
      topic,
      messages: [{ key: petitionId, value: JSON.stringify(createEnvelope('test', new Date(at), { type, petitionId, payload })) }],
    });
  };
  const setClock = (set: string) => request(app.url()).put('/internal/clock').set('Authorization', admin).send({ set }).expect(200);
  const deadlines = async (query: string) =>
    (await request(app.url()).get(`/api/deadlines?${query}`).set('Authorization', supervisor).expect(200)).body.items;
  const eventsOf = (type: string, deadlineId: string) =>
    seen.filter((e) => e.type === type && (e.payload as { deadlineId?: string }).deadlineId === deadlineId);

  async function assign(petitionId: string, assignmentId: string, at: string): Promise<void> {
    const payload: PetitionAssignedPayload = {
      assignmentId,
      petitionId,
      trackingNo: 'GZ-20261123-0001',
      leadUnitId: unitId,
      coHandlerUnitIds: [],
      track: Track.Standard,
      nature: Nature.Claim,
      title: '小区积水',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106',
      petitionerNameMasked: '李*',
      instructions: null,
      acceptDeadline: ref('unit_accept', at),
      returnDeadline: ref('unit_return', at),
      handlingStage: 'handling_standard',
      ruleId: null,
      assignedAt: at,
    };
    await publish(Topics.dispatch, PETITION_ASSIGNED, petitionId, payload, at);
  }

  async function accept(petitionId: string, assignmentId: string, workItemId: string, at: string): Promise<void> {
    const payload: WorkItemAcceptedPayload = {
      workItemId,
      petitionId,
      assignmentId,
      unitId,
      acceptedAt: at,
      acceptedOnTime: true,
      handlingDeadline: ref('handling_standard', at),
      firstContactDeadline: ref('first_contact', at),
    };
    await publish(Topics.handling, WORK_ITEM_ACCEPTED, petitionId, payload, at);
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
    process.env.SUPERVISION_SWEEP_INTERVAL_MS = '1000';
    app = await bootService(createApp, { ...stack.env, ...clockStartingAt(MONDAY) });
    const kafka = new Kafka({ clientId: 'deadlines-ladder-e2e', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `ladder-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.supervision, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
    });
  });
  afterAll(async () => {
    delete process.env.SUPERVISION_SWEEP_INTERVAL_MS;
    await consumer?.disconnect();
    await producer?.disconnect();
    await app?.shutdown();
    await stack?.stop();
  });

  it('applies a completion that arrives before its opening, and fires nothing for deadlines met before their warning', async () => {
    const petitionId = randomUUID();
    const assignmentId = randomUUID();
    const workItemId = randomUUID();
    // Acceptance (handling topic) overtakes the assignment (dispatch topic).
    await accept(petitionId, assignmentId, workItemId, '2026-11-23T15:00:00+08:00');
    await eventually(async () => ((await deadlines(`petitionId=${petitionId}&stage=first_contact`)).length === 1 ? true : undefined));
    await assign(petitionId, assignmentId, MONDAY);
    const accepted = await eventually(async () => (await deadlines(`petitionId=${petitionId}&stage=unit_accept`))[0]);
    expect(accepted).toMatchObject({ state: 'met', unitId, due: '2026-11-27T00:00:00+08:00', flags: [], escalationStep: 'none' });
    expect(accepted.completedAt).toBe('2026-11-23T15:00:00+08:00');

    const contact: WorkItemContactRecordedPayload = {
      workItemId,
      petitionId,
      unitId,
      contactedAt: '2026-11-23T16:00:00+08:00',
      method: 'phone',
      first: true,
      onTime: true,
    };
    await publish(Topics.handling, WORK_ITEM_CONTACT_RECORDED, petitionId, contact, contact.contactedAt);
    await eventually(async () =>
      (await deadlines(`petitionId=${petitionId}&stage=first_contact`))[0]?.state === 'met' ? true : undefined,
    );

    // Past both deadlines' warnings and due dates: nothing fires for them.
    await setClock('2026-11-30T09:00:00+08:00');
    await request(app.url()).post('/internal/sweep').set('Authorization', admin).expect(200);
    const ids = (await deadlines(`petitionId=${petitionId}`)).map((d: { id: string; stage: string }) => d.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(seen.filter((e) => (e.payload as { deadlineId?: string }).deadlineId === id)).toEqual([]);
    // The handling deadline (60 days) is still open and on track.
    expect((await deadlines(`petitionId=${petitionId}&stage=handling_standard`))[0]).toMatchObject({ state: 'open', flags: [] });
  });

  it('moves the handling deadline by an approved extension', async () => {
    const petitionId = randomUUID();
    const workItemId = randomUUID();
    const acceptedAt = '2026-11-30T10:00:00+08:00';
    await accept(petitionId, randomUUID(), workItemId, acceptedAt);
    const before = await eventually(async () => (await deadlines(`petitionId=${petitionId}&stage=handling_standard`))[0]);
    const extended = Deadline.start({ start: acceptedAt, stage: 'handling_standard', rules, calendar }).extend({
      days: 20,
      at: '2026-12-10T10:00:00+08:00',
      by: 'head',
      reason: '需要现场勘查',
    });
    const payload: ExtensionDecidedPayload = {
      requestId: randomUUID(),
      workItemId,
      petitionId,
      unitId,
      approved: true,
      decidedAt: '2026-12-10T10:00:00+08:00',
      note: '需要现场勘查',
      handlingDeadline: { ...ref('handling_standard', acceptedAt), due: extended.due },
    };
    await publish(Topics.handling, EXTENSION_APPROVED, petitionId, payload, payload.decidedAt);
    const after = await eventually(async () => {
      const d = (await deadlines(`petitionId=${petitionId}&stage=handling_standard`))[0];
      return d.due !== before.due ? d : undefined;
    });
    expect(after.due).toBe(extended.due);
    expect(after.extensions).toEqual([{ days: 20, unitKind: 'calendar_days', at: '2026-12-10T10:00:00+08:00' }]);
    expect(after.warningAt).toBe(extended.warningAt);
  });

  it('fires warning, overdue with the urge, the supervision order and flagged supervision, each once, as the clock crosses working days', async () => {
    const petitionId = randomUUID();
    const start = '2026-12-01T09:00:00+08:00'; // Tuesday: 3 working days end Friday 24:00
    await setClock(start);
    await assign(petitionId, randomUUID(), start);
    const d = await eventually(async () => (await deadlines(`petitionId=${petitionId}&stage=unit_accept`))[0]);
    expect(d).toMatchObject({ due: '2026-12-05T00:00:00+08:00', warningAt: '2026-12-03T00:00:00+08:00', state: 'open', flags: [] });

    await setClock('2026-12-03T08:00:00+08:00');
    await eventually(async () => (eventsOf('deadline.warning', d.id).length === 1 ? true : undefined));
    expect(eventsOf('deadline.overdue', d.id)).toEqual([]);

    // Saturday: overdue. The first working day after the deadline (Monday) brings the urge.
    await setClock('2026-12-05T10:00:00+08:00');
    await eventually(async () => (eventsOf('deadline.overdue', d.id).length === 1 ? true : undefined));
    expect(seen.filter((e) => e.type === 'urge.issued' && (e.payload as { deadlineId: string }).deadlineId === d.id)).toEqual([]);
    await setClock('2026-12-07T09:00:00+08:00');
    const urge = await eventually(async () =>
      seen.find((e) => e.type === 'urge.issued' && (e.payload as { deadlineId: string }).deadlineId === d.id),
    );
    expect(urge.payload).toMatchObject({ petitionId, unitId, stage: 'unit_accept', source: 'ladder' });

    // 5 working days overdue (Mon 7 – Fri 11): supervision order; 20 working days overdue, by the holiday calendar: flagged.
    await setClock('2026-12-11T09:00:00+08:00');
    const order = await eventually(async () =>
      seen.find((e) => e.type === 'supervision_order.issued' && (e.payload as { deadlineId: string; level: string }).deadlineId === d.id),
    );
    expect(order.payload).toMatchObject({ level: 'order', source: 'ladder', unitId });
    const answerDue = (order.payload as { answerDeadline: DeadlineRef }).answerDeadline.due;
    expect(answerDue).toBe(ref('supervision_order', '2026-12-11T09:00:00+08:00').due);
    // The order's own answer deadline is tracked.
    await eventually(async () => ((await deadlines(`petitionId=${petitionId}&stage=supervision_order`)).length === 1 ? true : undefined));

    await setClock('2027-01-15T09:00:00+08:00');
    await eventually(async () =>
      seen.find(
        (e) =>
          e.type === 'supervision_order.issued' &&
          (e.payload as { deadlineId: string; level: string }).deadlineId === d.id &&
          (e.payload as { level: string }).level === 'flagged',
      ),
    );
    const now = await eventually(async () => {
      const row = (await deadlines(`petitionId=${petitionId}&stage=unit_accept`))[0];
      return row.escalationStep === 'flagged_supervision' ? row : undefined;
    });
    expect(now.flags).toEqual(['warning', 'overdue']);
    // The unanswered order itself went overdue, without a ladder of its own.
    const orderDeadline = (await deadlines(`petitionId=${petitionId}&stage=supervision_order`))[0];
    await eventually(async () => (eventsOf('deadline.overdue', orderDeadline.id).length === 1 ? true : undefined));

    await request(app.url()).post('/internal/sweep').set('Authorization', admin).expect(200);
    for (const type of ['deadline.warning', 'deadline.overdue']) expect(eventsOf(type, d.id)).toHaveLength(1);
    const ladder = seen.filter(
      (e) => ['urge.issued', 'supervision_order.issued'].includes(e.type) && (e.payload as { deadlineId: string }).deadlineId === d.id,
    );
    expect(ladder.map((e) => `${e.type}:${(e.payload as { level?: string }).level ?? ''}`)).toEqual([
      'urge.issued:',
      'supervision_order.issued:order',
      'supervision_order.issued:flagged',
    ]);

    const record = await request(app.url())
      .get(`/api/units/${unitId}/record?limit=200`)
      .set('Authorization', bearer([Role.UnitHead], unitId))
      .expect(200);
    const mine = record.body.items.filter((r: { petitionId: string }) => r.petitionId === petitionId).map((r: { kind: string }) => r.kind);
    expect(mine.sort()).toEqual(['flagged_supervision', 'overdue', 'overdue', 'supervision_order', 'urge']);
    await request(app.url())
      .get(`/api/units/${randomUUID()}/record`)
      .set('Authorization', bearer([Role.UnitHead], unitId))
      .expect(403);
  });

  it('lets a supervisor urge and order by hand, and only the unit answer its order', async () => {
    const petitionId = randomUUID();
    const post = (path: string, auth: string, body: object) =>
      request(app.url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
    const urge = await post('/api/urges', supervisor, { petitionId, unitId, reason: '请加快办理进度' }).expect(201);
    expect(urge.body).toMatchObject({ petitionId, unitId, source: 'supervisor' });
    const bad = await post('/api/supervision-orders', supervisor, { petitionId, unitId: 'nope', reason: 'x', level: 'loud' }).expect(400);
    expect(bad.body.details.map((x: { field: string }) => x.field).sort()).toEqual(['level', 'reason', 'unitId']);
    await post('/api/urges', bearer([Role.Handler], unitId), { petitionId, unitId, reason: '自己催自己' }).expect(403);

    const order = await post('/api/supervision-orders', supervisor, {
      petitionId,
      unitId,
      reason: '群众反映强烈，请限期办结',
      level: 'order',
    }).expect(201);
    expect(order.body).toMatchObject({ state: 'open', level: 'order', source: 'supervisor' });
    await post(`/api/supervision-orders/${order.body.id}/answer`, bearer([Role.Handler], randomUUID()), { answer: '不是我们单位' }).expect(
      404,
    );
    const answered = await post(`/api/supervision-orders/${order.body.id}/answer`, bearer([Role.UnitHead], unitId), {
      answer: '已约谈责任人并完成整改',
    }).expect(200);
    expect(answered.body).toMatchObject({ state: 'answered', answeredOnTime: true });
    await post(`/api/supervision-orders/${order.body.id}/answer`, bearer([Role.UnitHead], unitId), { answer: '再答一次' }).expect(409);

    const open = await request(app.url())
      .get(`/api/supervision-orders?unitId=${unitId}&state=answered`)
      .set('Authorization', supervisor)
      .expect(200);
    expect(open.body.items.map((o: { id: string }) => o.id)).toContain(order.body.id);
    await request(app.url())
      .get(`/api/supervision-orders?unitId=${randomUUID()}`)
      .set('Authorization', bearer([Role.Handler], unitId))
      .expect(403);
    // The answer completes the order's tracked answer deadline.
    await eventually(async () => {
      const rows = await deadlines(`petitionId=${petitionId}&stage=supervision_order`);
      return rows[0]?.state === 'met' ? true : undefined;
    });
    await request(app.url()).get('/api/deadlines?state=late').set('Authorization', supervisor).expect(400);
  });
});
