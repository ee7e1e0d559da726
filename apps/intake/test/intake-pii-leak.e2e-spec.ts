import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, Topics } from '@petition/contracts';
import { bearer, eventually, freePort, migrate, startTestStack, type TestStack } from '@petition/testing';
import { intakeMigrations } from '../src/database/migrations';
import { lookup, residentId } from './intake-harness';

const ROOT = resolve(__dirname, '../../..');

describe('intake: no plaintext ID number or phone in any table, event or log line', () => {
  let stack: TestStack;
  let ds: DataSource;
  let child: ChildProcess;
  let url: string;
  let logs = '';
  const clerk = bearer([Role.Clerk], null, 'clerk-pii');

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'intake', intakeMigrations);
    ds = new DataSource({ type: 'postgres', url: stack.databaseUrl });
    await ds.initialize();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Its own process with debug logging, so every line the service writes is captured.
    child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, 'apps/intake/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...stack.env, LOG_LEVEL: 'debug', PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (logs += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (logs += c.toString()));
    await eventually(async () => ((await fetch(`${url}/health`).catch(() => null))?.ok ? true : undefined), {
      timeoutMs: 60000,
      intervalMs: 300,
    });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await ds?.destroy();
    await stack?.stop();
  });

  it('keeps them only as ciphertext and keyed hashes, across every channel, triage, repeats, contact reads and errors', async () => {
    const ids = [residentId(11), residentId(12), residentId(13), residentId(14), '11010519491231002X'];
    const phones = ['13812340011', '13812340012', '13812340013', '13812340014', '02087654321'];
    const post = (path: string, body: unknown, auth: string | null = clerk) => {
      const r = request(url).post(path).set('Idempotency-Key', randomUUID());
      return (auth ? r.set('Authorization', auth) : r).send(body as object);
    };
    const base = {
      title: '小区门口道路长期积水',
      content: '每逢下雨积水严重，请求疏通排水管道。',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
    };

    const visit = await post('/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '张三',
      petitionerIdNumber: ids[0],
      petitionerPhone: phones[0],
      petitionerAddress: '五山路1号',
      headcount: 6,
      representatives: [{ name: '李四', idNumber: ids[4], phone: phones[4] }],
    }).expect(201);
    await post('/api/petitions', {
      ...base,
      channel: 'call',
      petitionerName: '王五',
      petitionerIdNumber: ids[1],
      call: { callerNumber: phones[1] },
      petitionerPhone: phones[1],
    }).expect(201);
    await post('/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '张三',
      petitionerIdNumber: ids[0].toLowerCase(),
      title: '再次反映门口积水',
      content: '再次反映小区门口每逢下雨积水严重，排水管道堵塞。',
    }).expect(201);
    const online = await post(
      '/api/public/petitions',
      { ...base, petitionerName: '赵六', petitionerIdNumber: ids[2], petitionerPhone: phones[2] },
      null,
    ).expect(201);
    await post('/api/petitions/hotline-imports', {
      orders: [
        {
          ...base,
          externalOrderId: 'GZ12345-PII-1',
          receivedAt: '2026-11-22T09:30:00+08:00',
          petitionerName: '钱七',
          petitionerPhone: phones[3],
          petitionerIdNumber: ids[3],
        },
      ],
    }).expect(200);
    // Errors must not echo the values either.
    await post('/api/petitions', {
      ...base,
      channel: 'visit',
      petitionerName: '孙八',
      petitionerIdNumber: ids[3].slice(0, 17) + 'Z',
      petitionerPhone: phones[3],
      regionCode: '999999',
    }).expect(400);
    const [row] = await ds.query(`SELECT id FROM intake.petitions WHERE tracking_no = $1`, [online.body.trackingNo]);
    await post(`/api/petitions/${row.id}/triage`, { outcome: 'dispatch' }).expect(200);
    const contact = await request(url)
      .get(`/api/petitions/${visit.body.id}/contact?reason=${encodeURIComponent('核实身份')}`)
      .set('Authorization', clerk)
      .expect(200);
    expect(contact.body.idNumber).toBe(ids[0]);
    await lookup(url, online.body).expect(200);

    const tables: Array<{ table_name: string }> = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'intake' AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows: Array<{ r: string }> = await ds.query(`SELECT t::text AS r FROM intake."${table_name}" t`);
      dump += rows.map((r) => r.r).join('\n');
    }
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['petitions', 'petition_timeline', 'contact_access_log', 'idempotency_keys', 'outbox']),
    );

    const messages: string[] = [];
    const kafka = new Kafka({ clientId: 'pii-reader', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `pii-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.intake, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void messages.push(`${message.key?.toString()} ${message.value?.toString()} ${JSON.stringify(message.headers ?? {})}`),
    });
    // 5 dispatches × (registered + triaged), 1 repeat × (linked + triaged), the online triage's 2.
    await eventually(async () => (messages.length >= 10 ? true : undefined));
    await consumer.disconnect();
    const events = messages.join('\n');
    expect(events).toContain('petition.repeat_linked');
    expect(logs.length).toBeGreaterThan(0);

    for (const secret of [...ids, ids[4].toLowerCase(), ...phones]) {
      expect({ secret, inTables: dump.includes(secret) }).toEqual({ secret, inTables: false });
      expect({ secret, inEvents: events.includes(secret) }).toEqual({ secret, inEvents: false });
      expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
    }
  });
});
