import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  ASSIGNMENT_RETURN_REQUESTED,
  Channel,
  Nature,
  PETITION_REGISTERED,
  Role,
  Topics,
  createEnvelope,
  type AssignmentReturnRequestedPayload,
  type PetitionRegisteredPayload,
} from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

/** An assignment as `GET /api/assignments` shows it. */
interface Assignment {
  id: string;
  leadUnitId: string;
  coHandlerUnitIds: string[];
  track: string;
  status: string;
  ruleId: string | null;
  instructions: string | null;
  handlingStage: string | null;
  returnDue: string | null;
  acceptDue: string;
  assignedBy: string;
}

describe('dispatch routes petitions to the units the rules say', () => {
  let platform: Platform;
  let producer: Producer;
  let consumer: Consumer;
  /** Everything dispatch published on its topic and on directory.v1, in order per key. */
  const published: Array<{ key: string; type: string; payload: Record<string, unknown> }> = [];
  const dispatcher = bearer([Role.Dispatcher]);
  const admin = bearer([Role.Admin]);
  const url = () => platform.dispatch.url();

  /** Publishes `petition.registered` as intake would (intake does not yet take an accused unit). */
  async function register(fields: Partial<PetitionRegisteredPayload>): Promise<string> {
    const petitionId = randomUUID();
    const payload: PetitionRegisteredPayload = {
      petitionId,
      trackingNo: `440100-20261122-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      channel: Channel.Online,
      nature: Nature.Claim,
      title: '测试事项',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      petitionerRef: 'ptr_test',
      petitionerNameMasked: '王*',
      headcount: 1,
      emergency: false,
      accusedUnitId: null,
      registeredAt: new Date().toISOString().replace('Z', '+00:00'),
      ...fields,
    };
    await producer.send({
      topic: Topics.intake,
      messages: [
        {
          key: petitionId,
          value: JSON.stringify(createEnvelope('intake', new Date(), { type: PETITION_REGISTERED, petitionId, payload })),
        },
      ],
    });
    return petitionId;
  }

  async function assignments(petitionId: string): Promise<Assignment[]> {
    const res = await request(url()).get(`/api/assignments?petitionId=${petitionId}`).set('Authorization', dispatcher).expect(200);
    return res.body.items;
  }

  const activeAssignment = (petitionId: string) =>
    eventually(async () => (await assignments(petitionId)).find((a) => a.status === 'active'));

  async function queueEntry(petitionId: string, query = ''): Promise<Record<string, unknown> | undefined> {
    const res = await request(url()).get(`/api/dispatch-queue?limit=200${query}`).set('Authorization', dispatcher).expect(200);
    return res.body.items.find((q: { petitionId: string }) => q.petitionId === petitionId);
  }

  /** The events published under `key`, once there are `count` of them. */
  const publishedFor = (key: string, count: number) =>
    eventually(async () => {
      const events = published.filter((e) => e.key === key);
      return events.length >= count ? events : undefined;
    });

  const post = (path: string, auth: string) => request(url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID());

  beforeAll(async () => {
    platform = await startPlatform(['dispatch']);
    producer = new Kafka({ clientId: 'dispatch-e2e', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    consumer = new Kafka({ clientId: 'dispatch-e2e-reader', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING }).consumer({
      groupId: `reader-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.dispatch, Topics.directory], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const env = JSON.parse(message.value?.toString() ?? '{}');
        published.push({ key: message.key?.toString() ?? '', type: env.type, payload: env.payload });
      },
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await platform?.stop();
  });

  it('routes every nature across the region tree: community → street → district → city, nature-specific rules first', async () => {
    const cases: Array<[Partial<PetitionRegisteredPayload>, { lead: string; co: string[]; track: string; stage: string }]> = [
      [
        { categoryCode: 'URBAN.DRAINAGE', regionCode: '440106001002' },
        { lead: 'GZ-440106', co: ['GZ-SWJ'], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'URBAN.DRAINAGE', regionCode: '440104001' },
        { lead: 'GZ-SWJ', co: [], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'COMMUNITY.NEIGHBOR_DISPUTE', regionCode: '440105001002' },
        { lead: 'GZ-440105001', co: [], track: 'fast', stage: 'handling_fast' },
      ],
      [
        { categoryCode: 'COMMUNITY.NEIGHBOR_DISPUTE', regionCode: '440105' },
        { lead: 'GZ-440105', co: [], track: 'fast', stage: 'handling_fast' },
      ],
      [
        { categoryCode: 'COMMUNITY.OWNERS_COMMITTEE', regionCode: '440118007' },
        { lead: 'GZ-440118007', co: ['GZ-440118'], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'EDU.ENROLLMENT', regionCode: '440106002', nature: Nature.Suggestion },
        { lead: 'GZ-JYJ', co: [], track: 'suggestion', stage: 'handling_suggestion' },
      ],
      [
        { categoryCode: 'EDU.ENROLLMENT', regionCode: '440106002' },
        { lead: 'GZ-JYJ', co: [], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'ENV.NOISE', regionCode: '440105001', nature: Nature.Suggestion },
        { lead: 'GZ-STHJJ', co: [], track: 'suggestion', stage: 'handling_suggestion' },
      ],
      [
        { categoryCode: 'URBAN.SANITATION', regionCode: '440106001', nature: Nature.Accusation, accusedUnitId: unitIdFor('GZ-440106') },
        { lead: 'GZ-JW-440106', co: [], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'LAW.LITIGATION', regionCode: '440104002' },
        { lead: 'GZ-ZY-SFFW', co: [], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'LAW.PROCURATORIAL', regionCode: '440113001' },
        { lead: 'GZ-JCY-KS', co: [], track: 'standard', stage: 'handling_standard' },
      ],
      [
        { categoryCode: 'UTILITIES.POWER', regionCode: '440114005' },
        { lead: 'GZ-GDGS', co: [], track: 'fast', stage: 'handling_fast' },
      ],
    ];
    const ids = await Promise.all(cases.map(([fields]) => register(fields)));
    for (const [i, [, want]] of cases.entries()) {
      const a = await activeAssignment(ids[i]);
      expect({ lead: a.leadUnitId, co: a.coHandlerUnitIds, track: a.track, stage: a.handlingStage }).toEqual({
        lead: unitIdFor(want.lead),
        co: want.co.map(unitIdFor),
        track: want.track,
        stage: want.stage,
      });
      expect(a.ruleId).not.toBeNull();
      expect(a.assignedBy).toBe('routing');
      expect(new Date(a.returnDue ?? 0).getTime()).toBeGreaterThan(new Date(a.acceptDue).getTime());
    }
  });

  it('never sends an accusation to the accused unit: it skips to the next rule, or queues when none is left', async () => {
    const districtCommittee = unitIdFor('GZ-JW-440106');
    const skipped = await register({
      nature: Nature.Accusation,
      categoryCode: 'LABOR.WAGES',
      regionCode: '440106003',
      accusedUnitId: districtCommittee,
    });
    const a = await activeAssignment(skipped);
    expect(a.leadUnitId).toBe(unitIdFor('GZ-JWJW'));

    const explain = await request(url())
      .post('/api/routing/explain')
      .set('Authorization', dispatcher)
      .send({ nature: 'accusation', categoryCode: 'LABOR.WAGES', regionCode: '440106003', accusedUnitId: districtCommittee })
      .expect(200);
    expect(explain.body.categoryCode).toBe('DISCIPLINE.OFFICIALS');
    expect(explain.body.regionChain).toEqual(['440106003', '440106', '440100']);
    expect(explain.body.candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          outcome: 'excluded',
          cause: 'accused_unit',
          rule: expect.objectContaining({ leadUnitId: districtCommittee }),
        }),
        expect.objectContaining({
          outcome: 'winner',
          cause: 'best_match',
          rule: expect.objectContaining({ leadUnitId: unitIdFor('GZ-JWJW') }),
        }),
      ]),
    );

    const cityCommittee = unitIdFor('GZ-JWJW');
    const blocked = await register({
      nature: Nature.Accusation,
      categoryCode: 'GOV.EFFICIENCY',
      regionCode: '440100',
      accusedUnitId: cityCommittee,
    });
    const entry = await eventually(() => queueEntry(blocked, '&reasonKind=accused_unit'));
    expect(entry).toMatchObject({ nature: 'accusation', reasonKind: 'accused_unit' });
    expect(await assignments(blocked)).toEqual([]);
    const refused = await post('/api/assignments', dispatcher)
      .send({ petitionId: blocked, leadUnitId: cityCommittee, track: 'standard' })
      .expect(422);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toContain('leadUnitId');
  });

  it('queues what no rule covers and what leaders must see, and a dispatcher assigns from the queue once', async () => {
    const noRule = await register({ categoryCode: 'EDU.SCHOOL', regionCode: '440111003' });
    const emergency = await register({ categoryCode: 'URBAN.DRAINAGE', regionCode: '440104001', emergency: true });
    const collective = await register({ categoryCode: 'LABOR.WAGES', regionCode: '440112002', headcount: 30 });
    const e1 = await eventually(() => queueEntry(noRule, '&regionCode=440111'));
    expect(e1).toMatchObject({ reasonKind: 'no_rule', categoryCode: 'EDU.SCHOOL', escalated: false, overdue: false });
    expect(new Date(String(e1.triageDue)).getTime()).toBeGreaterThan(Date.now());
    expect(await eventually(() => queueEntry(emergency, '&reasonKind=emergency'))).toMatchObject({ emergency: true });
    expect(await eventually(() => queueEntry(collective, '&categoryCode=LABOR'))).toMatchObject({
      reasonKind: 'collective',
      headcount: 30,
    });
    expect(await queueEntry(noRule, '&regionCode=440106')).toBeUndefined();

    const page1 = await request(url()).get('/api/dispatch-queue?limit=1').set('Authorization', dispatcher).expect(200);
    const page2 = await request(url())
      .get(`/api/dispatch-queue?limit=1&cursor=${page1.body.nextCursor}`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(page2.body.items[0].petitionId).not.toBe(page1.body.items[0].petitionId);

    const jyj = unitIdFor('GZ-JYJ');
    const made = await post('/api/assignments', dispatcher)
      .send({
        petitionId: noRule,
        leadUnitId: jyj,
        coHandlerUnitIds: [unitIdFor('GZ-440111003')],
        track: 'fast',
        instructions: '请三日内联系信访人',
      })
      .expect(201);
    expect(made.body).toMatchObject({
      leadUnitId: jyj,
      track: 'fast',
      handlingStage: 'handling_fast',
      status: 'active',
      ruleId: null,
      instructions: '请三日内联系信访人',
    });
    expect(made.body.assignedBy).toMatch(/^dispatcher:/);
    expect(await queueEntry(noRule)).toBeUndefined();
    await post('/api/assignments', dispatcher).send({ petitionId: noRule, leadUnitId: jyj, track: 'fast' }).expect(409);
    await post('/api/assignments', bearer([Role.Handler], jyj))
      .send({ petitionId: emergency, leadUnitId: jyj, track: 'fast' })
      .expect(403);
    const events = await publishedFor(noRule, 2);
    expect(events.map((e) => e.type)).toEqual(['petition.queued_for_dispatcher', 'petition.assigned']);
  });

  it('takes a return from the lead unit, re-dispatches on confirmation, keeps it on rejection, and escalates the second return', async () => {
    const petitionId = await register({ categoryCode: 'URBAN.DRAINAGE', regionCode: '440106004' });
    const first = await activeAssignment(petitionId);
    expect(first.leadUnitId).toBe(unitIdFor('GZ-440106'));
    const tianhe = bearer([Role.Handler], unitIdFor('GZ-440106'));

    await post(`/api/assignments/${first.id}/returns`, bearer([Role.Handler], unitIdFor('GZ-440104')))
      .send({ reason: '不是我们的' })
      .expect(404);
    const ret = await post(`/api/assignments/${first.id}/returns`, tianhe).send({ reason: '该管网属市水务局直管' }).expect(201);
    expect(ret.body).toMatchObject({ status: 'requested', unitId: unitIdFor('GZ-440106') });
    await post(`/api/assignments/${first.id}/returns`, tianhe).send({ reason: '再次申请' }).expect(409);
    const pending = await request(url()).get('/api/returns').set('Authorization', dispatcher).expect(200);
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(ret.body.id);

    await post(`/api/returns/${ret.body.id}/confirm`, dispatcher).send({ note: '属实' }).expect(200);
    await post(`/api/returns/${ret.body.id}/reject`, dispatcher).send({ note: '重复操作' }).expect(409);
    const all = await assignments(petitionId);
    expect(all.map((a) => [a.leadUnitId, a.status])).toEqual([
      [unitIdFor('GZ-SWJ'), 'active'],
      [unitIdFor('GZ-440106'), 'returned'],
    ]);
    const second = all[0];

    const swj = bearer([Role.UnitHead], unitIdFor('GZ-SWJ'));
    const r2 = await post(`/api/assignments/${second.id}/returns`, swj).send({ reason: '应由属地处理' }).expect(201);
    await post(`/api/returns/${r2.body.id}/reject`, dispatcher).send({ note: '经核实属市水务局职责' }).expect(200);
    expect((await activeAssignment(petitionId)).id).toBe(second.id);

    const r3 = await post(`/api/assignments/${second.id}/returns`, swj).send({ reason: '再次申请退回' }).expect(201);
    await post(`/api/returns/${r3.body.id}/confirm`, dispatcher).send({}).expect(200);
    expect((await assignments(petitionId)).every((a) => a.status === 'returned')).toBe(true);
    expect(await queueEntry(petitionId, '&escalated=true')).toMatchObject({ reasonKind: 'escalated', escalated: true });

    const events = await publishedFor(petitionId, 6);
    expect(events.map((e) => e.type)).toEqual([
      'petition.assigned',
      'assignment.returned',
      'petition.assigned',
      'assignment.return_rejected',
      'assignment.returned',
      'petition.queued_for_dispatcher',
    ]);
    expect(events[1].payload).toMatchObject({ countsAgainstUnit: false, escalated: false, unitId: unitIdFor('GZ-440106') });
    expect(events[4].payload).toMatchObject({ escalated: true });
    expect(events[0].payload).toMatchObject({ handlingStage: 'handling_standard', returnDeadline: { stage: 'unit_return' } });
  });

  it('takes a return request handling publishes on petition.handling.v1 like one made over HTTP', async () => {
    const petitionId = await register({ categoryCode: 'LABOR.CONTRACT', regionCode: '440112005' });
    const a = await activeAssignment(petitionId);
    const payload: AssignmentReturnRequestedPayload = {
      assignmentId: a.id,
      petitionId,
      unitId: a.leadUnitId,
      reason: '劳动合同争议应先申请劳动仲裁',
      requestedBy: 'handler-1',
      requestedAt: new Date().toISOString().replace('Z', '+00:00'),
    };
    await producer.send({
      topic: Topics.handling,
      messages: [
        {
          key: petitionId,
          value: JSON.stringify(createEnvelope('handling', new Date(), { type: ASSIGNMENT_RETURN_REQUESTED, petitionId, payload })),
        },
      ],
    });
    const ret = await eventually(async () => {
      const res = await request(url()).get('/api/returns?status=requested&limit=200').set('Authorization', dispatcher).expect(200);
      return res.body.items.find((r: { assignmentId: string }) => r.assignmentId === a.id);
    });
    expect(ret).toMatchObject({
      petitionId,
      unitId: unitIdFor('GZ-RSJ'),
      requestedBy: 'handler-1',
      reason: '劳动合同争议应先申请劳动仲裁',
    });
  });

  it('applies a rule change to new assignments only', async () => {
    const before = await register({ categoryCode: 'URBAN.MUNICIPAL', regionCode: '440103001' });
    const old = await activeAssignment(before);
    expect(old.leadUnitId).toBe(unitIdFor('GZ-CGJ'));

    const rules = await request(url()).get('/api/routing/rules?categoryCode=URBAN.MUNICIPAL').set('Authorization', dispatcher).expect(200);
    expect(rules.body.items).toHaveLength(1);
    const ruleId: string = rules.body.items[0].id;
    await post(`/api/routing/rules/${ruleId}/change`, admin)
      .send({
        categoryCode: 'URBAN.MUNICIPAL',
        regionCode: '440100',
        nature: 'accusation',
        leadUnitId: unitIdFor('GZ-CGJ'),
        track: 'standard',
      })
      .expect(422);
    await post(`/api/routing/rules/${ruleId}/change`, dispatcher)
      .send({ categoryCode: 'URBAN.MUNICIPAL', leadUnitId: unitIdFor('GZ-440103'), track: 'standard' })
      .expect(403);
    const change = await post(`/api/routing/rules/${ruleId}/change`, admin)
      .send({
        categoryCode: 'URBAN.MUNICIPAL',
        regionCode: '440100',
        leadUnitId: unitIdFor('GZ-440103'),
        coHandlerUnitIds: [unitIdFor('GZ-CGJ')],
        track: 'standard',
        instructions: '属地牵头',
      })
      .expect(201);
    expect(change.body.ended.effectiveTo).not.toBeNull();
    expect(change.body.created).toMatchObject({ replacesRuleId: ruleId, leadUnitId: unitIdFor('GZ-440103') });

    const after = await register({ categoryCode: 'URBAN.MUNICIPAL', regionCode: '440103001' });
    expect(await activeAssignment(after)).toMatchObject({
      leadUnitId: unitIdFor('GZ-440103'),
      ruleId: change.body.created.id,
      instructions: '属地牵头',
    });
    expect(await activeAssignment(before)).toMatchObject({ id: old.id, leadUnitId: unitIdFor('GZ-CGJ'), ruleId });
    const inForce = await request(url())
      .get(`/api/routing/rules?categoryCode=URBAN.MUNICIPAL&effectiveAt=${encodeURIComponent(new Date().toISOString())}`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(inForce.body.items.map((r: { id: string }) => r.id)).toEqual([change.body.created.id]);
  });

  it('lets admins extend the directory, publishes units on directory.v1, and routes around a deactivated unit', async () => {
    await post('/api/categories', admin).send({ code: 'HEALTH.PHARMACY', name: '药店服务', parentCode: 'HEALTH' }).expect(201);
    await post('/api/categories', admin).send({ code: 'HEALTH.PHARMACY', name: '重复' }).expect(409);
    await post('/api/regions', admin).send({ code: '440106099', name: '测试街道', level: 'street', parentCode: '440104' }).expect(422);
    await post('/api/units', dispatcher).send({}).expect(403);
    const bad = await post('/api/units', admin)
      .send({ code: 'gz lower', name: '', level: 'planet', kind: 'x', regionCodes: ['44'], categoryCodes: [] })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['code', 'name', 'level', 'kind']));
    const unit = await post('/api/units', admin)
      .send({
        code: 'GZ-YPJG',
        name: '广州市药品监督管理局',
        level: 'city',
        kind: 'functional_department',
        regionCodes: ['440100'],
        categoryCodes: ['HEALTH.PHARMACY'],
      })
      .expect(201);
    expect(unit.body.id).toBe(unitIdFor('GZ-YPJG'));
    await post('/api/routing/rules', admin)
      .send({ categoryCode: 'HEALTH.PHARMACY', regionCode: '440100', leadUnitId: unit.body.id, track: 'fast' })
      .expect(201);
    await post('/api/routing/rules', admin)
      .send({ categoryCode: 'HEALTH.PHARMACY', regionCode: '440100', priority: -1, leadUnitId: unitIdFor('GZ-SCJGJ'), track: 'standard' })
      .expect(201);
    const p1 = await register({ categoryCode: 'HEALTH.PHARMACY', regionCode: '440115002' });
    expect((await activeAssignment(p1)).leadUnitId).toBe(unit.body.id);

    await request(url())
      .patch(`/api/units/${unit.body.id}`)
      .set('Authorization', admin)
      .set('Idempotency-Key', randomUUID())
      .send({ active: false })
      .expect(200);
    const explain = await request(url())
      .post('/api/routing/explain')
      .set('Authorization', dispatcher)
      .send({ nature: 'claim', categoryCode: 'HEALTH.PHARMACY', regionCode: '440115002' })
      .expect(200);
    expect(explain.body.decision).toMatchObject({ kind: 'assign', leadUnitId: unitIdFor('GZ-SCJGJ') });
    const excluded = explain.body.candidates.find((c: { outcome: string }) => c.outcome === 'excluded');
    expect(excluded.reason).toMatch(/deactivated/);
    expect(excluded.cause).toBe('lead_inactive');
    const p2 = await register({ categoryCode: 'HEALTH.PHARMACY', regionCode: '440115002' });
    expect((await activeAssignment(p2)).leadUnitId).toBe(unitIdFor('GZ-SCJGJ'));

    const upserts = await publishedFor(unit.body.id, 2);
    expect(upserts.map((e) => [e.type, e.payload.active])).toEqual([
      ['directory.unit_upserted', true],
      ['directory.unit_upserted', false],
    ]);
  });

  it('shows dispatchers the open assignments per unit', async () => {
    const petitionId = await register({ categoryCode: 'CIVIL.MARRIAGE', regionCode: '440117001' });
    await activeAssignment(petitionId);
    const load = await request(url())
      .get(`/api/units/load?unitId=${unitIdFor('GZ-MZJ')}`)
      .set('Authorization', dispatcher)
      .expect(200);
    expect(load.body.items).toHaveLength(1);
    expect(load.body.items[0]).toMatchObject({ code: 'GZ-MZJ', leadOpen: 1, coHandlerOpen: 0, returnsPending: 0 });
    const busiest = await request(url()).get('/api/units/load?limit=3').set('Authorization', dispatcher).expect(200);
    const counts = busiest.body.items.map((u: { leadOpen: number }) => u.leadOpen);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await request(url())
      .get('/api/units/load')
      .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-MZJ')))
      .expect(403);
  });
});
