import { randomBytes, randomUUID } from 'node:crypto';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

describe('one trace spans intake, dispatch and handling', () => {
  const exporter = new InMemorySpanExporter();
  let platform: Platform;

  beforeAll(async () => {
    // What libs/observability's NodeSDK does in production, with spans kept in memory.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
    trace.disable();
    context.disable();
  });

  it('continues the caller’s trace from the HTTP request through both Kafka hops', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`)
      .send({
        channel: 'online',
        petitionerName: '赵六',
        title: '小区垃圾清运不及时',
        content: '垃圾堆放多日无人清运。',
        categoryCode: 'URBAN.SANITATION',
        regionCode: '440105001',
      })
      .expect(201);
    await eventually(async () => {
      const inbox = await request(platform.handling.url())
        .get('/api/work-items')
        .set('Authorization', bearer([Role.Handler], unitIdFor('GZ-CGJ')))
        .expect(200);
      return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === res.body.id);
    });
    const spans = await eventually(async () => {
      const mine = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return mine.some((s) => s.name === 'petition.dispatch.v1 process') ? mine : undefined;
    });
    const names = spans.map(
      (s) => `${s.name}${s.attributes['messaging.consumer.group.name'] ? ` [${s.attributes['messaging.consumer.group.name']}]` : ''}`,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^POST/),
        'petition.intake.v1 publish',
        'petition.intake.v1 process [dispatch]',
        'petition.dispatch.v1 publish',
        'petition.dispatch.v1 process [handling]',
      ]),
    );
    // Each hop is a child of the one before: intake's HTTP span → publish → dispatch → publish → handling.
    const byName = (n: string) => spans.find((s) => s.name === n);
    const parentOf = (n: string) => byName(n)?.parentSpanContext?.spanId;
    expect(parentOf('petition.intake.v1 process')).toBe(byName('petition.intake.v1 publish')?.spanContext().spanId);
    expect(parentOf('petition.dispatch.v1 process')).toBe(byName('petition.dispatch.v1 publish')?.spanContext().spanId);
  });
});
