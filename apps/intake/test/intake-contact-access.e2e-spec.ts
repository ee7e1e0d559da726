import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  ASSIGNMENT_RETURNED,
  Nature,
  PETITION_ASSIGNED,
  PETITION_QUEUED,
  Role,
  Topics,
  Track,
  createEnvelope,
  toOffsetIso,
} from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { clerk, mobile, post, startIntake, type IntakeHarness } from './intake-harness';

const facts = {
  channel: 'visit',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  title: '小区化粪池满溢',
  content: '小区化粪池长期满溢，污水流到路面，臭味严重，请求清掏并修复管道。',
};
const REASON = encodeURIComponent('首次联系信访人');

describe('intake: the contact read is no existence oracle, audits refusals, and ends with the assignment', () => {
  let h: IntakeHarness;
  let producer: Producer;
  let n = 5200;

  beforeAll(async () => {
    h = await startIntake();
    producer = new Kafka({ clientId: 'dispatch-stand-in', brokers: [h.stack.kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await h?.stop();
  });

  /** Publishes what dispatch would. */
  async function publish(type: string, petitionId: string, payload: object): Promise<void> {
    const envelope = createEnvelope('dispatch', new Date(), { type, petitionId, payload });
    await producer.send({ topic: Topics.dispatch, messages: [{ key: petitionId, value: JSON.stringify(envelope) }] });
  }
  const now = () => toOffsetIso(new Date());
  const ref = (stage: string) => ({ stage, startedAt: now(), due: now(), ruleSet: 'default-2026', provisional: false });
  async function assign(p: { id: string; trackingNo: string }, leadUnitId: string, coHandlerUnitIds: string[] = []): Promise<string> {
    const assignmentId = randomUUID();
    await publish(PETITION_ASSIGNED, p.id, {
      assignmentId,
      petitionId: p.id,
      trackingNo: p.trackingNo,
      leadUnitId,
      coHandlerUnitIds,
      track: Track.Standard,
      nature: Nature.Claim,
      title: facts.title,
      categoryCode: facts.categoryCode,
      regionCode: facts.regionCode,
      petitionerNameMasked: '陈*',
      acceptDeadline: ref('unit_accept'),
      returnDeadline: ref('unit_return'),
      handlingStage: 'handling_standard',
      assignedAt: now(),
    });
    await eventually(async () =>
      (await h.sql<{ lead_unit_id: string }>('SELECT lead_unit_id FROM intake.petitions WHERE id = $1', [p.id]))[0].lead_unit_id ===
      leadUnitId
        ? true
        : undefined,
    );
    return assignmentId;
  }
  const register = async () =>
    (await post(h.url, '/api/petitions', { ...facts, petitionerName: '陈四', petitionerPhone: mobile(++n) }).expect(201)).body as {
      id: string;
      trackingNo: string;
    };
  const readAs = (id: string, unitId: string | null, sub = 'handler-1') =>
    request(h.url)
      .get(`/api/petitions/${id}/contact?reason=${REASON}`)
      .set('Authorization', bearer([Role.Handler], unitId, sub));
  const log = (id: string) =>
    h.sql<{ actor: string; reason: string; fields: string[] }>(
      'SELECT actor, reason, fields FROM intake.contact_access_log WHERE petition_id = $1 ORDER BY at',
      [id],
    );

  it('answers another unit exactly as it answers an unknown id, and logs the refused attempt', async () => {
    const p = await register();
    const lead = randomUUID();
    await assign(p, lead);
    await readAs(p.id, lead).expect(200);
    const otherUnit = await readAs(p.id, randomUUID(), 'snoop').expect(404);
    const unknownId = randomUUID();
    const unknown = await readAs(unknownId, randomUUID(), 'snoop').expect(404);
    expect(otherUnit.body).toEqual({ ...unknown.body, message: unknown.body.message.replace(unknownId, p.id) });
    expect(otherUnit.body.code).toBe('PETITION_NOT_FOUND');
    // A co-handler reads the case file, never the petitioner's contact data.
    const co = randomUUID();
    await assign(p, lead, [co]);
    await readAs(p.id, co, 'co-handler').expect(404);
    expect(await log(p.id)).toEqual([
      { actor: 'handler-1', reason: '首次联系信访人', fields: ['name', 'phone'] },
      { actor: 'snoop', reason: 'refused: 首次联系信访人', fields: ['refused'] },
      { actor: 'co-handler', reason: 'refused: 首次联系信访人', fields: ['refused'] },
    ]);
  });

  it('takes the entitlement away from a unit whose return was confirmed, also while the matter waits in the manual queue', async () => {
    const p = await register();
    const lead = randomUUID();
    const assignmentId = await assign(p, lead);
    await readAs(p.id, lead).expect(200);
    await publish(ASSIGNMENT_RETURNED, p.id, {
      returnId: randomUUID(),
      assignmentId,
      petitionId: p.id,
      unitId: lead,
      reason: '不属于本单位职责范围',
      requestedAt: now(),
      confirmedAt: now(),
      countsAgainstUnit: false,
      escalated: true,
    });
    await publish(PETITION_QUEUED, p.id, { petitionId: p.id, reason: 'returned twice: flagged for escalation', queuedAt: now() });
    await eventually(async () =>
      (await h.sql<{ lead_unit_id: string | null }>('SELECT lead_unit_id FROM intake.petitions WHERE id = $1', [p.id]))[0].lead_unit_id ===
      null
        ? true
        : undefined,
    );
    expect((await readAs(p.id, lead).expect(404)).body.code).toBe('PETITION_NOT_FOUND');
    await request(h.url)
      .get(`/api/petitions/${p.id}/case-file?reason=${REASON}`)
      .set('Authorization', bearer([Role.Handler], lead))
      .expect(404);
    // The bureau still reads it, and the next lead unit may.
    await request(h.url).get(`/api/petitions/${p.id}/contact?reason=${REASON}`).set('Authorization', clerk).expect(200);
    const next = randomUUID();
    await assign(p, next);
    await readAs(p.id, next, 'handler-2').expect(200);
    await readAs(p.id, lead).expect(404);
  });
});
