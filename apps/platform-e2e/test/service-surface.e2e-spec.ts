import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventTopics, Role, Topics, type EventType, type TopicName } from '@petition/contracts';
import { EventSubscriptions, type ConsumedEventType } from '@petition/messaging';
import { encodeCursor } from '@petition/service-kit';
import { bearer, bootService, clockStartingAt, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createAnalytics } from '../../analytics/src/bootstrap';
import { analyticsMigrations } from '../../analytics/src/database/migrations';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { createApp as createIntake } from '../../intake/src/bootstrap';
import { createApp as createSupervision } from '../../supervision/src/bootstrap';
import { supervisionMigrations } from '../../supervision/src/database/migrations';
import { prepareDatabase } from './platform.fixture';

/** The service that publishes on each topic. */
const PUBLISHER: Record<TopicName, string> = {
  [Topics.intake]: 'intake',
  [Topics.dispatch]: 'dispatch',
  [Topics.directory]: 'dispatch',
  [Topics.handling]: 'handling',
  [Topics.supervision]: 'supervision',
};
const EVENTS_DOC = resolve(__dirname, '../../../docs/events.md');
/** The console's typed client is generated from these copies of the services' OpenAPI documents. */
const CONSOLE_OPENAPI = resolve(__dirname, '../../console/openapi');
const SERVICE_NAMES = ['intake', 'dispatch', 'handling', 'supervision', 'analytics'] as const;
const START = '<!-- generated: consumers -->';
const END = '<!-- end generated -->';

/** docs/events.md's table, from the subscriptions the running services wired at boot. */
function consumersTable(rows: Array<ConsumedEventType & { service: string }>): string {
  const lines = ['| event type | topic | published by | consumed by (service: inbox scopes) |', '|---|---|---|---|'];
  for (const type of (Object.keys(EventTopics) as EventType[]).sort()) {
    const mine = rows.filter((r) => r.type === type);
    const services = [...new Set(mine.map((r) => r.service))].map(
      (svc) =>
        `${svc}: ${mine
          .filter((r) => r.service === svc)
          .map((r) => `\`${r.scope}\``)
          .join(', ')}`,
    );
    lines.push(`| \`${type}\` | \`${EventTopics[type]}\` | ${PUBLISHER[EventTopics[type]]} | ${services.join('; ') || '—'} |`);
  }
  return lines.join('\n');
}

/** A parameter of an OpenAPI operation, as far as these tests read it. */
interface ApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: string[] };
}

/** A valid value for a path or required query parameter, so that only the cursor is wrong. */
function exampleOf(param: ApiParameter | undefined): string {
  if (param?.schema?.enum?.length) return param.schema.enum[0];
  if (param?.name === 'period') return '2026-Q4';
  return randomUUID();
}

/** Routes anyone may call without a token; every other route must refuse an anonymous caller. */
const PUBLIC_ROUTES = new Set(['GET /health', 'GET /metrics']);
const isPetitionerFacing = (path: string) => path.startsWith('/api/public/');

describe('what every service exposes', () => {
  let stack: TestStack;
  const services: Record<string, ServiceApp> = {};
  const CLOCK_START = '2026-11-23T09:00:00+08:00';

  beforeAll(async () => {
    stack = await startTestStack();
    await prepareDatabase(stack);
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
    await migrate(stack.databaseUrl, 'analytics', analyticsMigrations);
    // Every clock starts at one fixed instant (CLOCK_START), so the moves below never depend on today's date.
    const env = { ...stack.env, ...clockStartingAt(CLOCK_START) };
    const factories = {
      intake: createIntake,
      dispatch: createDispatch,
      handling: createHandling,
      supervision: createSupervision,
      analytics: createAnalytics,
    };
    for (const [name, factory] of Object.entries(factories)) services[name] = await bootService(factory, env);
  });
  afterAll(async () => {
    for (const app of Object.values(services).reverse()) await app.shutdown();
    await stack?.stop();
  });

  it.each(['intake', 'dispatch', 'handling', 'supervision', 'analytics'])('%s: health, metrics and OpenAPI', async (name) => {
    const url = services[name].url();
    const health = await request(url).get('/health').expect(200);
    expect(health.body).toEqual({ status: 'ok', service: name, checks: { database: 'up', kafka: 'up' } });
    const metrics = await request(url).get('/metrics').expect(200);
    expect(metrics.text).toContain(`process_cpu_user_seconds_total{service="${name}"}`);
    expect(metrics.text).toContain('http_request_duration_seconds');
    const doc = await request(url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health', '/metrics', '/internal/clock']));
  });

  it.each(['intake', 'dispatch', 'handling', 'supervision', 'analytics'])(
    '%s: every route not marked public refuses a caller without a token',
    async (name) => {
      const url = services[name].url();
      const doc = await request(url).get('/docs/openapi.json').expect(200);
      const unguarded: string[] = [];
      for (const [path, operations] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(operations)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (PUBLIC_ROUTES.has(route) || isPetitionerFacing(path)) continue;
          const concrete = path.replace(/\{[^}]+\}/g, randomUUID());
          const res = await request(url)[method as 'get'](concrete).set('Idempotency-Key', randomUUID()).send({});
          if (res.status !== 401) unguarded.push(`${route} → ${res.status}`);
        }
      }
      expect(unguarded).toEqual([]);
    },
  );

  /** The headers every answer carries, whatever answers it: a handler, a guard, the router. */
  const expectSecurityHeaders = (res: request.Response, what: string) => {
    expect({ what, headers: res.headers }).toMatchObject({
      what,
      headers: {
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
      },
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  };

  it.each(SERVICE_NAMES)(
    '%s: every answer carries the security headers, API answers a strict CSP and no-store, and the Swagger UI still loads',
    async (name) => {
      const url = services[name].url();
      const doc = await request(url).get('/docs/openapi.json').expect(200);
      const guarded = Object.keys(doc.body.paths).find((p) => p.startsWith('/api/') && !p.includes('{') && doc.body.paths[p].get);
      const answers = [
        ['health', await request(url).get('/health').expect(200)],
        [
          'a refused call',
          await request(url)
            .get(guarded as string)
            .expect(401),
        ],
        [
          'an answer with data',
          await request(url)
            .get(guarded as string)
            .set('Authorization', bearer([Role.Admin], randomUUID())),
        ],
        ['no such route', await request(url).get('/api/no-such-route').expect(404)],
      ] as const;
      for (const [what, res] of answers) {
        expectSecurityHeaders(res, what);
        expect({ what, csp: res.headers['content-security-policy'], cache: res.headers['cache-control'] }).toEqual({
          what,
          csp: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          cache: 'no-store',
        });
      }
      // The Swagger UI: its page may run its own scripts and styles (and nothing else), and each one
      // it names is served with its real type, which nosniff makes the browser insist on.
      const page = await request(url).get('/docs').redirects(1).expect(200);
      expectSecurityHeaders(page, 'the docs page');
      const csp = page.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
      const assets = [...(page.text as string).matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThanOrEqual(3);
      for (const asset of assets) {
        const res = await request(url)
          .get(new URL(asset, `${url}/docs`).pathname)
          .expect(200);
        expect({ asset, type: res.headers['content-type'] }).toEqual({
          asset,
          type: expect.stringMatching(asset.endsWith('.js') ? /javascript/ : /text\/css/),
        });
      }
    },
  );

  it.each(SERVICE_NAMES)('%s: every list endpoint answers a tampered cursor with 400 on `cursor`, never a 500', async (name) => {
    const url = services[name].url();
    const doc = await request(url).get('/docs/openapi.json').expect(200);
    const auth = bearer([Role.Admin], randomUUID());
    // Each decodes (base64url JSON arrays), but carries wrong types or values for every cursor shape.
    const tampered = [
      encodeCursor(['not-a-date', 'not-an-id']),
      encodeCursor(['2026-11-22T00:00:00.000Z', "1' OR '1'='1"]),
      encodeCursor([-1]),
      encodeCursor(['GZ\u0000']),
      Buffer.from(JSON.stringify([{ a: 1 }, null])).toString('base64url'),
    ];
    const wrong: string[] = [];
    let lists = 0;
    for (const [path, operations] of Object.entries(doc.body.paths as Record<string, Record<string, { parameters?: ApiParameter[] }>>)) {
      const params = operations.get?.parameters ?? [];
      if (!params.some((p) => p.name === 'cursor')) continue;
      lists += 1;
      const concrete = path.replace(/\{([^}]+)\}/g, (_, p: string) => exampleOf(params.find((x) => x.name === p)));
      const query = Object.fromEntries(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, exampleOf(p)]));
      for (const cursor of tampered) {
        const res = await request(url)
          .get(concrete)
          .query({ ...query, cursor })
          .set('Authorization', auth);
        const onCursor = (res.body.details ?? []).some((d: { field: string }) => d.field === 'cursor');
        if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED' || !onCursor)
          wrong.push(`${path} ${cursor} → ${res.status} ${res.body.code}`);
      }
    }
    expect(wrong).toEqual([]);
    // Analytics has no paged lists; every other service has some.
    if (name !== 'analytics') expect(lists).toBeGreaterThan(0);
  });

  it('docs/events.md lists who consumes each event type, as the services wired it (PETITION_UPDATE_DOCS=1 rewrites it)', () => {
    const rows = Object.entries(services).flatMap(([service, svc]) =>
      (svc as unknown as { app: INestApplication }).app
        .get(EventSubscriptions)
        .consumedTypes()
        .map((r) => ({ ...r, service })),
    );
    const table = consumersTable(rows);
    const doc = readFileSync(EVENTS_DOC, 'utf8');
    const [head, rest] = doc.split(START);
    const tail = rest.slice(rest.indexOf(END));
    const fresh = `${head}${START}\n${table}\n${tail}`;
    if (process.env.PETITION_UPDATE_DOCS === '1') writeFileSync(EVENTS_DOC, fresh);
    expect(doc).toBe(fresh);
  });

  it("apps/console/openapi/ holds each service's live OpenAPI document (PETITION_UPDATE_DOCS=1 rewrites them)", async () => {
    const stale: string[] = [];
    for (const name of SERVICE_NAMES) {
      const doc = await request(services[name].url()).get('/docs/openapi.json').expect(200);
      const fresh = `${JSON.stringify(doc.body, null, 2)}\n`;
      const file = resolve(CONSOLE_OPENAPI, `${name}.json`);
      if (existsSync(file) && readFileSync(file, 'utf8') === fresh) continue;
      if (process.env.PETITION_UPDATE_DOCS === '1') writeFileSync(file, fresh);
      else stale.push(`apps/console/openapi/${name}.json`);
    }
    if (stale.length) {
      throw new Error(
        `${stale.join(', ')} differ from the services' live OpenAPI documents: run ` +
          "`PETITION_UPDATE_DOCS=1 npx jest apps/platform-e2e/test/service-surface`, then `npm run console:api` to regenerate the console's client",
      );
    }
  });

  it('moves every service clock with the admin endpoint, and only as admin', async () => {
    const admin = bearer([Role.Admin]);
    const before = await request(services.intake.url()).get('/internal/clock').set('Authorization', admin).expect(200);
    expect(before.body.mode).toBe('controllable');
    expect(Date.parse(before.body.now) - Date.parse(CLOCK_START)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(before.body.now) - Date.parse(CLOCK_START)).toBeLessThan(3600_000);
    await request(services.intake.url())
      .put('/internal/clock')
      .set('Authorization', bearer([Role.Clerk]))
      .send({ advance: '1d' })
      .expect(403);
    await request(services.intake.url())
      .put('/internal/clock')
      .set('Authorization', admin)
      .send({ advance: '1d', set: '2030-01-01T00:00:00+08:00' })
      .expect(400);
    await request(services.intake.url())
      .put('/internal/clock')
      .set('Authorization', admin)
      .send({ set: '2000-01-01T00:00:00+08:00' })
      .expect(400);
    const moved = await request(services.intake.url())
      .put('/internal/clock')
      .set('Authorization', admin)
      .send({ set: '2031-03-02T09:00:00+08:00' })
      .expect(200);
    expect(moved.body.now.startsWith('2031-03-02T09:00')).toBe(true);
    const petition = await request(services.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'letter',
        petitionerName: '钱七',
        title: '道路破损',
        content: '路面破损多处，请求修复。',
        categoryCode: 'TRANSPORT.ROADS',
        regionCode: '440103',
      })
      .expect(201);
    expect(petition.body.registeredAt.startsWith('2031-03-02T09:00')).toBe(true);
    expect(petition.body.trackingNo).toMatch(/^440103-20310302-\d{6}$/);
  });
});
