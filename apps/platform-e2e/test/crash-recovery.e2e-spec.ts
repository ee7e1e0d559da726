import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import {
  bearer,
  bootService,
  eventually,
  spawnService,
  startTestStack,
  type ServiceApp,
  type ServiceProcess,
  type TestStack,
} from '@petition/testing';
import { DataSource } from 'typeorm';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { createApp as createIntake } from '../../intake/src/bootstrap';
import { prepareDatabase } from './platform.fixture';

const CATEGORIES = ['URBAN.DRAINAGE', 'LABOR.WAGES', 'ENV.NOISE', 'HOUSING.PROPERTY', 'COMMUNITY.NEIGHBOR_DISPUTE'];

describe('dispatch killed with SIGKILL while petitions are being registered', () => {
  let stack: TestStack;
  let intake: ServiceApp;
  let handling: ServiceApp;
  let db: DataSource;
  const clerk = bearer([Role.Clerk]);

  beforeAll(async () => {
    stack = await startTestStack();
    await prepareDatabase(stack);
    intake = await bootService(createIntake, stack.env);
    handling = await bootService(createHandling, stack.env);
    db = new DataSource({ type: 'postgres', url: stack.databaseUrl });
    await db.initialize();
  });
  afterAll(async () => {
    await handling?.shutdown();
    await intake?.shutdown();
    await db?.destroy();
    await stack?.stop();
  });

  const register = (i: number) =>
    request(intake.url())
      .post('/api/petitions')
      .set('Authorization', clerk)
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'call',
        petitionerName: `市民${i}`,
        title: `来电反映问题 ${i}`,
        content: `第 ${i} 件：请求有关部门处理。`,
        categoryCode: CATEGORIES[i % CATEGORIES.length],
        regionCode: '440106002',
      })
      .expect(201)
      .then((r) => r.body.id as string);

  it('brings every registered petition to exactly one lead work item after a restart', async () => {
    let dispatch: ServiceProcess = await spawnService('dispatch', stack.env);
    await dispatch.ready();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await register(i));
    // Kill mid-stream: some of these are routed, some are in flight, some not yet consumed.
    await eventually(async () => ((await db.query('SELECT count(*)::int AS n FROM dispatch.assignments'))[0].n > 0 ? true : undefined));
    const killedWith = await dispatch.kill('SIGKILL');
    expect(killedWith).toBeNull();
    for (let i = 40; i < 80; i++) ids.push(await register(i));

    dispatch = await spawnService('dispatch', stack.env);
    await dispatch.ready();
    try {
      const counts = await eventually(
        async () => {
          const rows: Array<{ petition_id: string; n: number }> = await db.query(
            `SELECT petition_id, count(*)::int AS n FROM handling.work_items WHERE role = 'lead' AND petition_id = ANY($1) GROUP BY petition_id`,
            [ids],
          );
          return rows.length === ids.length ? rows : undefined;
        },
        { timeoutMs: 90000, intervalMs: 500 },
      );
      expect(counts.every((r) => r.n === 1)).toBe(true);
      const assignments: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM dispatch.assignments WHERE status = 'active' AND petition_id = ANY($1) GROUP BY petition_id`,
        [ids],
      );
      expect(assignments).toHaveLength(ids.length);
      expect(assignments.every((r) => r.n === 1)).toBe(true);
    } finally {
      // SIGTERM is a graceful stop: consumers stop, the outbox is flushed, exit code 0.
      expect(await dispatch.kill('SIGTERM')).toBe(0);
    }
    const outboxLeft = await db.query('SELECT count(*)::int AS n FROM dispatch.outbox');
    expect(outboxLeft[0].n).toBe(0);
  }, 180000);
});
