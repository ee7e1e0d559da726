import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { eventually, migrate, spawnService, startTestStack, type ServiceProcess, type TestStack } from '@petition/testing';
import { intakeMigrations } from '../src/database/migrations';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20)]);

/**
 * Intake as production runs it — its own process, main.ts starting OpenTelemetry first with the
 * real HTTP instrumentation — exporting spans over OTLP/HTTP to a collector stand-in that keeps
 * every byte it receives. (Inside Jest's module system the instrumentation cannot patch `http`.)
 */
describe('intake: traces never carry a query code', () => {
  let stack: TestStack;
  let intake: ServiceProcess;
  let collector: Server;
  const exported: string[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        exported.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const { port } = collector.address() as { port: number };
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'intake', intakeMigrations);
    intake = await spawnService('intake', {
      ...stack.env,
      OTEL_SDK_DISABLED: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    await intake.ready(60000);
  }, 120000);
  afterAll(async () => {
    await intake?.kill('SIGTERM');
    await stack?.stop();
    await new Promise((r) => collector?.close(r));
  });

  it('records URLs with every query value redacted and no header, whether the code came in the URL, a header or the body', async () => {
    const online = await request(intake.url)
      .post('/api/public/petitions')
      .set('Idempotency-Key', randomUUID())
      .send({
        categoryCode: 'URBAN.DRAINAGE',
        regionCode: '440106001',
        title: '小区门口道路长期积水',
        content: '每逢下雨积水严重，请求疏通排水管道。',
        petitionerName: '林一',
        petitionerPhone: '13900004242',
      })
      .expect(201);
    const { trackingNo, queryCode } = online.body as { trackingNo: string; queryCode: string };
    await request(intake.url).post('/api/public/petitions/lookup').send({ trackingNo, queryCode }).expect(200);
    // An old client still putting the code in the URL: refused, and the trace still must not keep it.
    await request(intake.url).get(`/api/public/petitions/${trackingNo}?queryCode=${queryCode}`).expect(404);
    await request(intake.url)
      .post(`/api/public/petitions/${trackingNo}/attachments`)
      .query({ fileName: 'x.pdf' })
      .set('X-Query-Code', queryCode)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(PDF)
      .expect(201);
    const all = await eventually(
      async () => {
        const text = exported.join('\n');
        return text.includes('queryCode=REDACTED') && text.includes('/attachments') ? text : undefined;
      },
      { timeoutMs: 30000, intervalMs: 200 },
    );
    expect(all).toContain(trackingNo);
    expect(all).not.toContain(queryCode);
  });
});
