import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import request from 'supertest';
import { Role, Topics, type EventEnvelope } from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import {
  bearer,
  bootService,
  clockStartingAt,
  eventually,
  migrate,
  spawnService,
  startTestStack,
  type ServiceApp,
  type TestStack,
} from '@petition/testing';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { supervisionMigrations } from '../src/database/migrations';

const DEADLINES = 4000;
const MONDAY = '2026-11-23T09:00:00+08:00';
/** After every warning (Wednesday 00:00), before the due date (Friday 00:00). */
const WEDNESDAY_NOON = '2026-11-25T12:00:00+08:00';

describe('a supervision instance killed in the middle of a sweep', () => {
  let stack: TestStack;
  let db: DataSource;
  let survivor: ServiceApp | undefined;
  let consumer: Consumer;
  const warnings: EventEnvelope[] = [];
  const admin = bearer([Role.Admin]);
  const unitId = randomUUID();

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
    db = new DataSource({ type: 'postgres', url: stack.databaseUrl });
    await db.initialize();
    // A large batch of open acceptance deadlines, all due for their warning at once.
    const d = Deadline.start({ start: MONDAY, stage: 'unit_accept', rules: defaultRuleSet(), calendar: loadCalendar() });
    await db.query(
      `INSERT INTO supervision.tracked_deadlines (id, petition_id, stage, owner_key, unit_id, ladder, started_at, due, warning_at, rule_set, provisional, record,
         state, escalation_step, next_fire_at, opened_by)
       SELECT gen_random_uuid(), gen_random_uuid(), 'unit_accept', 'assignment:' || gen_random_uuid(), $1, true, $2, $3, $4, $5, false, $6::jsonb,
         'open', 'none', $4, gen_random_uuid()
       FROM generate_series(1, $7)`,
      [unitId, d.start, d.due, d.warningAt, d.ruleSetVersion, JSON.stringify(d.toJSON()), DEADLINES],
    );
    const kafka = new Kafka({ clientId: 'crash-e2e', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `crash-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.supervision, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (e.type === 'deadline.warning') warnings.push(e);
      },
    });
  });
  afterAll(async () => {
    delete process.env.SUPERVISION_SWEEP_BATCH;
    await consumer?.disconnect();
    await survivor?.shutdown();
    await db?.destroy();
    await stack?.stop();
  });

  const fired = async (): Promise<number> =>
    (
      await db.query(`SELECT count(*)::int AS n FROM supervision.tracked_deadlines WHERE unit_id = $1 AND warning_fired_at IS NOT NULL`, [
        unitId,
      ])
    )[0].n;

  it('loses no warning and fires none twice', async () => {
    const env = { ...stack.env, ...clockStartingAt(MONDAY), SUPERVISION_SWEEP_BATCH: '10', SUPERVISION_SWEEP_INTERVAL_MS: '3600000' };
    const child = await spawnService('supervision', env);
    await child.ready();
    // Moving its clock starts the sweep at once.
    await request(child.url).put('/internal/clock').set('Authorization', admin).send({ set: WEDNESDAY_NOON }).expect(200);
    await eventually(async () => ((await fired()) >= 300 ? true : undefined), { timeoutMs: 60000, intervalMs: 20 });
    expect(await child.kill('SIGKILL')).toBeNull();
    const beforeRestart = await fired();
    expect(beforeRestart).toBeLessThan(DEADLINES); // it died mid-sweep

    // Another instance starts: its first sweep catches up on whatever the dead one left.
    process.env.SUPERVISION_SWEEP_BATCH = '200';
    survivor = await bootService(createApp, { ...stack.env, ...clockStartingAt(MONDAY) });
    await request(survivor.url()).put('/internal/clock').set('Authorization', admin).send({ set: WEDNESDAY_NOON }).expect(200);
    await request(survivor.url()).post('/internal/sweep').set('Authorization', admin).expect(200);
    await eventually(async () => ((await fired()) === DEADLINES ? true : undefined), { timeoutMs: 60000 });
    // Events the dead instance committed but had not published yet go out through the survivor's relay.
    await eventually(async () => ((await db.query(`SELECT count(*)::int AS n FROM supervision.outbox`))[0].n === 0 ? true : undefined), {
      timeoutMs: 60000,
    });

    const ids: Array<{ id: string }> = await db.query(`SELECT id FROM supervision.tracked_deadlines WHERE unit_id = $1`, [unitId]);
    const distinct = () => {
      const byDeadline = new Map<string, Set<string>>();
      for (const e of warnings) {
        const id = (e.payload as { deadlineId: string }).deadlineId;
        byDeadline.set(id, (byDeadline.get(id) ?? new Set()).add(e.eventId));
      }
      return byDeadline;
    };
    const byDeadline = await eventually(async () => (distinct().size === DEADLINES ? distinct() : undefined), { timeoutMs: 60000 });
    expect([...byDeadline.keys()].sort()).toEqual(ids.map((r) => r.id).sort());
    // One warning each. (A relay killed between publishing and deleting may publish the same event id
    // twice — at-least-once delivery, deduplicated by event id — but never a second warning.)
    expect([...byDeadline.values()].filter((s) => s.size !== 1)).toEqual([]);
  }, 240000);
});
