import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import request from 'supertest';
import {
  Nature,
  PETITION_ASSIGNED,
  Role,
  Topics,
  Track,
  WORK_ITEM_CONTRIBUTION_ADDED,
  createEnvelope,
  toOffsetIso,
  type DeadlineRef,
  type EventEnvelope,
  type PetitionAssignedPayload,
  type WorkItemContributionAddedPayload,
} from '@petition/contracts';
import { computeDue, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer, bootService, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { startPlatform, type Platform } from './platform.fixture';

/** A work item as the API shows it (the fields this test reads). */
interface Item {
  id: string;
  petitionId: string;
  role: string;
}

describe('co-handlers’ contributions, petitioner contact, and what other units can reach', () => {
  let platform: Platform;
  let consumer: Consumer;
  const events: EventEnvelope[] = [];
  const rules = defaultRuleSet();
  const calendar = loadCalendar();
  const key = () => randomUUID();
  const post = (path: string, auth: string, body: object = {}) =>
    request(platform.handling.url()).post(path).set('Authorization', auth).set('Idempotency-Key', key()).send(body);
  const get = (path: string, auth: string) => request(platform.handling.url()).get(path).set('Authorization', auth);
  const letter = {
    outcome: 'explain',
    facts: '经核查……',
    decision: '依法解释说明。',
    legalBasis: '《信访工作条例》第三十二条',
    text: '现答复如下……',
    attachments: [],
  };
  const findIn = (auth: string, petitionId: string) =>
    eventually(async () =>
      ((await get('/api/work-items?limit=200', auth).expect(200)).body.items as Item[]).find((w) => w.petitionId === petitionId),
    );

  beforeAll(async () => {
    platform = await startPlatform();
    const kafka = new Kafka({ clientId: 'access-test', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `access-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.handling, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void events.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.stop();
  });

  it('shows the lead every co-handler’s contribution, and each co-handler only its own part', async () => {
    // An assignment with two co-handlers, published as dispatch does (the demo rules have one at most).
    const [leadUnit, coB, coC] = [unitIdFor('GZ-CGJ'), unitIdFor('GZ-SWJ'), unitIdFor('GZ-ZJJ')];
    const now = new Date();
    const ref = (stage: string): DeadlineRef => {
      const d = computeDue({ start: now, stage, rules, calendar });
      return { stage, startedAt: toOffsetIso(now), due: d.due, ruleSet: d.ruleSetVersion, provisional: d.provisional };
    };
    const petitionId = randomUUID();
    const payload: PetitionAssignedPayload = {
      assignmentId: randomUUID(),
      petitionId,
      trackingNo: '440103-20261122-800001',
      leadUnitId: leadUnit,
      coHandlerUnitIds: [coB, coC],
      track: Track.Standard,
      nature: Nature.Claim,
      title: '道路施工占道',
      categoryCode: 'URBAN.MUNICIPAL',
      regionCode: '440103',
      petitionerNameMasked: '林*',
      instructions: '城管牵头，水务、住建配合',
      acceptDeadline: ref('unit_accept'),
      returnDeadline: ref('unit_return'),
      handlingStage: 'handling_standard',
      assignedAt: toOffsetIso(now),
    };
    const kafka = new Kafka({ clientId: 'access-dispatch', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: Topics.dispatch,
      messages: [
        { key: petitionId, value: JSON.stringify(createEnvelope('dispatch', now, { type: PETITION_ASSIGNED, petitionId, payload })) },
      ],
    });
    await producer.disconnect();

    const [lead, b, c] = [
      bearer([Role.Handler], leadUnit, 'lead-handler'),
      bearer([Role.Handler], coB, 'b-handler'),
      bearer([Role.UnitHead], coC, 'c-head'),
    ];
    const [leadItem, bItem, cItem] = [await findIn(lead, petitionId), await findIn(b, petitionId), await findIn(c, petitionId)];
    expect([leadItem.role, bItem.role, cItem.role]).toEqual(['lead', 'co_handler', 'co_handler']);

    const fromB = await post(`/api/work-items/${bItem.id}/contributions`, b, { summary: '排水管网迁改方案已出，两周内完成。' }).expect(201);
    await post(`/api/work-items/${cItem.id}/contributions`, c, { summary: '施工许可已核查，手续齐全。' }).expect(201);
    await post(`/api/work-items/${bItem.id}/notes`, b, { text: 'B 单位内部备注' }).expect(201);
    await post(`/api/work-items/${leadItem.id}/accept`, lead).expect(200);
    await post(`/api/work-items/${leadItem.id}/notes`, lead, { text: '主办单位内部备注' }).expect(201);
    await post(`/api/work-items/${leadItem.id}/reply`, lead, letter).expect(201);

    const leadView = (await get(`/api/work-items/${leadItem.id}`, lead).expect(200)).body;
    expect(leadView.contributions.map((x: { unitId: string; summary: string }) => [x.unitId, x.summary])).toEqual([
      [coB, '排水管网迁改方案已出，两周内完成。'],
      [coC, '施工许可已核查，手续齐全。'],
    ]);
    expect(leadView.notes.map((n: { text: string }) => n.text)).toEqual(['主办单位内部备注']);
    const bView = (await get(`/api/work-items/${bItem.id}`, b).expect(200)).body;
    expect(bView.contributions.map((x: { summary: string }) => x.summary)).toEqual(['排水管网迁改方案已出，两周内完成。']);
    expect(bView.notes.map((n: { text: string }) => n.text)).toEqual(['B 单位内部备注']);
    expect(bView.replies).toEqual([]);
    expect(bView.contacts).toEqual([]);
    // A co-handler reaches neither the lead's item nor its sibling's.
    await get(`/api/work-items/${leadItem.id}`, b).expect(404);
    await get(`/api/work-items/${cItem.id}`, b).expect(404);

    // Roles are kept apart: the lead does not contribute, a co-handler does not reply or read the petitioner's data.
    expect((await post(`/api/work-items/${leadItem.id}/contributions`, lead, { summary: '主办自己写' }).expect(403)).body.code).toBe(
      'WORK_ITEM_NOT_CO_HANDLER',
    );
    expect((await post(`/api/work-items/${bItem.id}/reply`, b, letter).expect(403)).body.code).toBe('WORK_ITEM_NOT_LEAD');
    expect(
      (await get(`/api/work-items/${bItem.id}/petitioner-contact?reason=${encodeURIComponent('核实情况需要')}`, b).expect(403)).body.code,
    ).toBe('WORK_ITEM_NOT_LEAD');
    await post(`/api/work-items/${bItem.id}/contributions`, b, { summary: 'x' }).expect(400);

    const added = await eventually(
      async () =>
        events.find(
          (e) =>
            e.type === WORK_ITEM_CONTRIBUTION_ADDED && (e.payload as WorkItemContributionAddedPayload).contributionId === fromB.body.id,
        ) as EventEnvelope<WorkItemContributionAddedPayload> | undefined,
    );
    expect(added.payload).toMatchObject({
      workItemId: bItem.id,
      assignmentId: payload.assignmentId,
      unitId: coB,
      summary: '排水管网迁改方案已出，两周内完成。',
    });

    const audit = await platform.sql<{ actor: string; action: string }>(
      'SELECT actor, action FROM handling.access_audit WHERE work_item_id = ANY($1) ORDER BY id',
      [[leadItem.id, cItem.id]],
    );
    expect(audit).toEqual([
      { actor: 'b-handler', action: 'read' },
      { actor: 'b-handler', action: 'read' },
    ]);
  });

  it('gives the lead unit the petitioner’s contact data through intake, which audits it; other units get 404 and an audit entry', async () => {
    const unit = unitIdFor('GZ-RSJ');
    const handler = bearer([Role.Handler], unit, 'rsj-handler');
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', key())
      .send({
        channel: 'visit',
        petitionerName: '陈十三',
        petitionerPhone: '13912345678',
        title: '工资被拖欠两个月',
        content: '公司拖欠工资两个月。',
        categoryCode: 'LABOR.WAGES',
        regionCode: '440106002',
      })
      .expect(201);
    const item = await findIn(handler, res.body.id);
    const reason = encodeURIComponent('首次联系信访人，核实诉求');

    const contact = await eventually(async () => {
      const r = await get(`/api/work-items/${item.id}/petitioner-contact?reason=${reason}`, handler);
      return r.status === 200 ? r.body : undefined;
    });
    expect(contact).toMatchObject({ petitionId: res.body.id, name: '陈十三', phone: '13912345678' });
    const log = await request(platform.intake.url())
      .get(`/api/petitions/${res.body.id}/contact-access-log`)
      .set('Authorization', bearer([Role.Supervisor]))
      .expect(200);
    expect(log.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: 'rsj-handler', actorUnitId: unit, reason: '首次联系信访人，核实诉求' })]),
    );

    const noReason = await get(`/api/work-items/${item.id}/petitioner-contact`, handler).expect(400);
    expect(noReason.body.details.map((d: { field: string }) => d.field)).toContain('reason');

    // Another unit: every new endpoint answers 404 and leaves an audit entry; nothing changes.
    const stranger = bearer([Role.UnitHead], unitIdFor('GZ-440104'), 'stranger-2');
    await get(`/api/work-items/${item.id}/petitioner-contact?reason=${reason}`, stranger).expect(404);
    await post(`/api/work-items/${item.id}/reply`, stranger, letter).expect(404);
    await post(`/api/work-items/${item.id}/contributions`, stranger, { summary: '看看这个事项' }).expect(404);
    await get(`/api/work-items/${item.id}`, stranger).expect(404);
    const audit = await platform.sql<{ actor: string; action: string; outcome: string }>(
      'SELECT actor, action, outcome FROM handling.access_audit WHERE work_item_id = $1 ORDER BY id',
      [item.id],
    );
    expect(audit).toEqual(
      ['petitioner-contact.read', 'reply.create', 'contributions.create', 'read'].map((action) => ({
        actor: 'stranger-2',
        action,
        outcome: 'denied',
      })),
    );
    const after = (await get(`/api/work-items/${item.id}`, handler).expect(200)).body;
    expect(after).toMatchObject({ status: 'assigned', replies: [], contributions: [] });
    // A clerk is not a unit's staff: refused by role.
    await get(`/api/work-items/${item.id}/petitioner-contact?reason=${reason}`, bearer([Role.Clerk])).expect(403);
  });

  it('never gives an accusation to the accused unit, nor the accuser’s identity to the unit handling it', async () => {
    const accused = unitIdFor('GZ-RSJ');
    const committee = unitIdFor('GZ-JW-440106');
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', key())
      .send({
        channel: 'visit',
        petitionerName: '赵十四',
        title: '举报某科长收受红包',
        content: '举报某科长在审批中收受红包。',
        categoryCode: 'LABOR.WAGES',
        regionCode: '440106003',
        nature: 'accusation',
        accusedUnitId: accused,
      })
      .expect(201);
    const handler = bearer([Role.Handler], committee, 'jw-handler');
    const item = await findIn(handler, res.body.id);
    const accusedInbox = (await get('/api/work-items?limit=200', bearer([Role.Handler], accused)).expect(200)).body.items as Item[];
    expect(accusedInbox.map((w) => w.petitionId)).not.toContain(res.body.id);
    await get(`/api/work-items/${item.id}`, bearer([Role.Handler], accused)).expect(404);

    const refused = await eventually(async () => {
      const r = await get(`/api/work-items/${item.id}/petitioner-contact?reason=${encodeURIComponent('核实举报内容')}`, handler);
      return r.status === 403 ? r.body : undefined;
    });
    expect(refused.code).toBe('CONTACT_CONFIDENTIAL_ACCUSATION');
  });

  it('answers 502 when intake cannot be reached', async () => {
    const unit = unitIdFor('GZ-RSJ');
    const handler = bearer([Role.Handler], unit);
    const [item] = (await get('/api/work-items?limit=1', handler).expect(200)).body.items as Item[];
    const cutOff = await bootService(createHandling, {
      ...platform.stack.env,
      INTAKE_URL: 'http://127.0.0.1:9',
      INTAKE_TIMEOUT_MS: '1000',
    });
    try {
      const res = await request(cutOff.url())
        .get(`/api/work-items/${item.id}/petitioner-contact?reason=${encodeURIComponent('首次联系信访人')}`)
        .set('Authorization', handler)
        .expect(502);
      expect(res.body).toMatchObject({ code: 'INTAKE_UNAVAILABLE' });
    } finally {
      await cutOff.shutdown();
    }
  });
});
