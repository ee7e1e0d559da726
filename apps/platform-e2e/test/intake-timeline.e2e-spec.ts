import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  AssignmentRole,
  PETITION_QUEUED,
  Role,
  WORK_ITEM_OPENED,
  TopicDefinitions,
  Topics,
  createEnvelope,
  toOffsetIso,
} from '@petition/contracts';
import { createKafka, ensureTopics, silentLogger } from '@petition/messaging';
import { bearer, bootService, eventually, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { createApp as createIntake } from '../../intake/src/bootstrap';
import { prepareDatabase } from './platform.fixture';

interface Platform {
  stack: TestStack;
  intake: ServiceApp;
  services: ServiceApp[];
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The three services on a stack whose topics exist before anyone subscribes, as the launcher and
 * deploy/ arrange: intake follows petition.handling.v1, which nobody has written to at boot.
 */
async function startPlatform(): Promise<Platform> {
  const stack = await startTestStack();
  await prepareDatabase(stack);
  await ensureTopics(createKafka({ brokers: [stack.kafkaBrokers], clientId: 'topic-setup' }, silentLogger), TopicDefinitions);
  const ds = new DataSource({ type: 'postgres', url: stack.databaseUrl });
  await ds.initialize();
  const services = [
    await bootService(createIntake, stack.env),
    await bootService(createDispatch, stack.env),
    await bootService(createHandling, stack.env),
  ];
  return {
    stack,
    intake: services[0],
    services,
    sql: (query, params) => ds.query(query, params),
    async stop() {
      for (const s of [...services].reverse()) await s.shutdown();
      await ds.destroy();
      await stack.stop();
    },
  };
}

describe('intake follows dispatch and handling to keep the petitioner’s timeline current', () => {
  let platform: Platform;
  const clerk = bearer([Role.Clerk]);

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function produce(topic: string, key: string, envelope: unknown): Promise<void> {
    const producer = new Kafka({
      clientId: 'intake-timeline-test',
      brokers: [platform.stack.kafkaBrokers],
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key, value: JSON.stringify(envelope) }] });
    await producer.disconnect();
  }

  it('shows registration, dispatch, assignment and the lead unit’s receipt; the lead unit may then read the contact data with a reason', async () => {
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'visit',
        petitionerName: '张三',
        petitionerPhone: '13811112222',
        title: '小区门口道路长期积水',
        content: '每逢下雨积水严重，请求疏通排水管道。',
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106001',
      })
      .expect(201);
    const { trackingNo, queryCode, id } = res.body;
    // Polled in SQL: the public lookup is rate-limited per tracking number.
    const [assigned] = await eventually(async () => {
      const rows = await platform.sql<{ lead_unit_id: string }>(
        `SELECT lead_unit_id FROM intake.petitions WHERE id = $1 AND status = 'assigned'`,
        [id],
      );
      return rows.length ? rows : undefined;
    });
    // The lead unit's receipt, as handling announces it (produced here: handling's workbench is being reworked in parallel).
    await produce(
      Topics.handling,
      id,
      createEnvelope('handling', new Date(), {
        type: WORK_ITEM_OPENED,
        petitionId: id,
        payload: {
          workItemId: randomUUID(),
          petitionId: id,
          assignmentId: randomUUID(),
          unitId: assigned.lead_unit_id,
          role: AssignmentRole.Lead,
          openedAt: toOffsetIso(new Date()),
        },
      }),
    );
    await eventually(async () =>
      (await platform.sql(`SELECT 1 FROM intake.petition_timeline WHERE petition_id = $1 AND kind = 'unit_received'`, [id])).length
        ? true
        : undefined,
    );
    const view = (await request(platform.intake.url()).post('/api/public/petitions/lookup').send({ trackingNo, queryCode }).expect(200))
      .body;
    expect(view.status).toBe('assigned');
    expect(view.timeline.map((s: { kind: string }) => s.kind)).toEqual(['registered', 'dispatched', 'assigned', 'unit_received']);
    expect(JSON.stringify(view)).not.toContain('13811112222');

    const lead = bearer([Role.Handler], assigned.lead_unit_id, 'handler-1');
    const contact = await request(platform.intake.url())
      .get(`/api/petitions/${id}/contact?reason=${encodeURIComponent('首次联系信访人')}`)
      .set('Authorization', lead)
      .expect(200);
    expect(contact.body).toMatchObject({ name: '张三', phone: '13811112222' });
    const audit = await platform.sql<{ actor: string; actor_unit_id: string; reason: string }>(
      'SELECT actor, actor_unit_id, reason FROM intake.contact_access_log WHERE petition_id = $1',
      [id],
    );
    expect(audit).toEqual([{ actor: 'handler-1', actor_unit_id: assigned.lead_unit_id, reason: '首次联系信访人' }]);
  });

  it('shows a petition waiting in the dispatcher’s queue, without the internal routing reason', async () => {
    // An online petition stays with intake; the queue event is produced here so the test does not
    // depend on which categories the demo rules happen to cover.
    const res = await request(platform.intake.url())
      .post('/api/public/petitions')
      .set('Idempotency-Key', randomUUID())
      .send({
        petitionerName: '李四',
        petitionerPhone: '13722223333',
        title: '学校收费问题',
        content: '学校违规收取补课费用，请求查处。',
        categoryCode: 'EDU.SCHOOL',
        regionCode: '440117',
      })
      .expect(201);
    const [row] = await platform.sql<{ id: string }>('SELECT id FROM intake.petitions WHERE tracking_no = $1', [res.body.trackingNo]);
    await produce(
      Topics.dispatch,
      row.id,
      createEnvelope('dispatch', new Date(), {
        type: PETITION_QUEUED,
        petitionId: row.id,
        payload: { petitionId: row.id, reason: 'no routing rule for EDU.SCHOOL in 440117', queuedAt: toOffsetIso(new Date()) },
      }),
    );
    await eventually(async () =>
      (await platform.sql(`SELECT 1 FROM intake.petition_timeline WHERE petition_id = $1 AND kind = 'queued_for_dispatcher'`, [row.id]))
        .length
        ? true
        : undefined,
    );
    const view = (
      await request(platform.intake.url())
        .post('/api/public/petitions/lookup')
        .send({ trackingNo: res.body.trackingNo, queryCode: res.body.queryCode })
        .expect(200)
    ).body;
    expect(view.timeline.map((s: { kind: string }) => s.kind)).toEqual(['submitted_online', 'queued_for_dispatcher']);
    expect(JSON.stringify(view)).not.toContain('no routing rule');
  });
});
