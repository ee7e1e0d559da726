import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  Nature,
  PETITION_ASSIGNED,
  Role,
  Topics,
  Track,
  createEnvelope,
  type DeadlineRef,
  type EventEnvelope,
  type PetitionAssignedPayload,
} from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
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
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { supervisionMigrations } from '../src/database/migrations';

const MATTERS = 60;
/** Monday 23 November 2026, 09:00: acceptance due Friday 27 00:00, warning Wednesday 25 00:00. */
const MONDAY = '2026-11-23T09:00:00+08:00';

describe('two supervision instances sweeping the same deadlines', () => {
  let stack: TestStack;
  let apps: ServiceApp[] = [];
  let producer: Producer;
  let consumer: Consumer;
  let db: DataSource;
  const seen: EventEnvelope[] = [];
  const admin = bearer([Role.Admin]);
  const unitId = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
    // Small batches and a fast interval, so the two instances contend for the same rows.
    process.env.SUPERVISION_SWEEP_INTERVAL_MS = '300';
    process.env.SUPERVISION_SWEEP_BATCH = '5';
    apps = [
      await bootService(createApp, { ...stack.env, ...clockStartingAt(MONDAY) }),
      await bootService(createApp, { ...stack.env, ...clockStartingAt(MONDAY) }),
    ];
    db = new DataSource({ type: 'postgres', url: stack.databaseUrl });
    await db.initialize();
    const kafka = new Kafka({ clientId: 'two-instances-e2e', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `two-instances-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.supervision, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
    });
  });
  afterAll(async () => {
    delete process.env.SUPERVISION_SWEEP_INTERVAL_MS;
    delete process.env.SUPERVISION_SWEEP_BATCH;
    await consumer?.disconnect();
    await producer?.disconnect();
    for (const app of apps) await app.shutdown();
    await db?.destroy();
    await stack?.stop();
  });

  it('fires each warning, overdue flag and urge exactly once', async () => {
    const d = Deadline.start({ start: MONDAY, stage: 'unit_accept', rules: defaultRuleSet(), calendar: loadCalendar() });
    const acceptDeadline: DeadlineRef = {
      stage: 'unit_accept',
      startedAt: MONDAY,
      due: d.due,
      ruleSet: d.ruleSetVersion,
      provisional: false,
    };
    const petitions = Array.from({ length: MATTERS }, () => randomUUID());
    await producer.send({
      topic: Topics.dispatch,
      messages: petitions.map((petitionId) => {
        const payload: PetitionAssignedPayload = {
          assignmentId: randomUUID(),
          petitionId,
          trackingNo: 'GZ-20261123-0002',
          leadUnitId: unitId,
          coHandlerUnitIds: [],
          track: Track.Standard,
          nature: Nature.Claim,
          title: '噪音扰民',
          categoryCode: 'ENV.NOISE',
          regionCode: '440106',
          petitionerNameMasked: '王*',
          instructions: null,
          acceptDeadline,
          returnDeadline: { ...acceptDeadline, stage: 'unit_return' },
          handlingStage: 'handling_standard',
          ruleId: null,
          assignedAt: MONDAY,
        };
        return {
          key: petitionId,
          value: JSON.stringify(createEnvelope('dispatch', new Date(MONDAY), { type: PETITION_ASSIGNED, petitionId, payload })),
        };
      }),
    });
    await eventually(async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM supervision.tracked_deadlines WHERE unit_id = $1`, [unitId]);
      return n === MATTERS ? true : undefined;
    });

    // Both clocks jump past the due date to a working day: warning, overdue and urge all fall due at once on both instances.
    await Promise.all(
      apps.map((app) =>
        request(app.url()).put('/internal/clock').set('Authorization', admin).send({ set: '2026-11-27T10:00:00+08:00' }).expect(200),
      ),
    );
    await Promise.all(apps.map((app) => request(app.url()).post('/internal/sweep').set('Authorization', admin).expect(200)));

    const count = (type: string) => seen.filter((e) => e.type === type && (e.payload as { unitId: string }).unitId === unitId);
    await eventually(
      async () => (['deadline.warning', 'deadline.overdue', 'urge.issued'].every((t) => count(t).length >= MATTERS) ? true : undefined),
      { timeoutMs: 30000 },
    );
    // More sweeps on both, then let both relays drain: nothing more may appear.
    await Promise.all(apps.map((app) => request(app.url()).post('/internal/sweep').set('Authorization', admin).expect(200)));
    await eventually(async () => ((await db.query(`SELECT count(*)::int AS n FROM supervision.outbox`))[0].n === 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500));

    const rows: Array<{ id: string }> = await db.query(`SELECT id FROM supervision.tracked_deadlines WHERE unit_id = $1`, [unitId]);
    for (const type of ['deadline.warning', 'deadline.overdue', 'urge.issued']) {
      const perDeadline = new Map<string, number>();
      for (const e of count(type)) {
        const id = (e.payload as { deadlineId: string }).deadlineId;
        perDeadline.set(id, (perDeadline.get(id) ?? 0) + 1);
      }
      expect([...perDeadline.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
      expect([...perDeadline.values()].every((n) => n === 1)).toBe(true);
    }
    const urges = await db.query(`SELECT count(*)::int AS n FROM supervision.urges WHERE unit_id = $1`, [unitId]);
    expect(urges[0].n).toBe(MATTERS);

    // Pages of the deadline list and of the unit's record, as the unit head reads them, hold everything once.
    const unitHead = bearer([Role.UnitHead], unitId);
    const walk = async (path: string) => {
      const items: Array<{ id: string; kind?: string }> = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(apps[0].url())
          .get(`${path}${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', unitHead)
          .expect(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    };
    const listed = await walk('/api/deadlines?state=overdue&limit=25');
    expect(new Set(listed.map((d) => d.id)).size).toBe(MATTERS);
    const record = await walk(`/api/units/${unitId}/record?limit=50`);
    expect(record.filter((r) => r.kind === 'overdue')).toHaveLength(MATTERS);
    expect(record.filter((r) => r.kind === 'urge')).toHaveLength(MATTERS);
    expect(new Set(record.map((r) => `${r.kind}:${r.id}`)).size).toBe(record.length);
  }, 120000);
});
