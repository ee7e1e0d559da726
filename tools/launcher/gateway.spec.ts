import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET, verifyStaffToken } from '@petition/auth';
import { CONSOLE_SERVICES, consolePrefix } from './console-routes';
import { devSignInFromDispatch, type DevSignIn, type DevUser } from './dev-sign-in';
import { startGateway, type Gateway, type GatewayOptions, type ViteModule } from './gateway';

/**
 * The development gateway against real HTTP servers standing in for two services, a stub build
 * directory for the console, and a stub Vite. Run alone with
 * `PETITION_TEST_INFRA=off npx jest tools/launcher`.
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A service stand-in: records what reached it and answers with `handler`. */
async function stubService(
  handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** A raw request: the path is sent exactly as given (no normalisation of `..` or `%2e`). */
function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: Buffer; text: string; json: () => unknown }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, failed) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body,
          text: body.toString('utf8'),
          json: () => JSON.parse(body.toString('utf8')),
        });
      });
    });
    req.on('error', failed);
    req.end(options.body);
  });
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

const UNITS = [
  { id: '11111111-1111-5111-8111-111111111111', code: 'GZ-440106', name: '广州市天河区人民政府' },
  { id: '22222222-2222-5222-8222-222222222222', code: 'GZ-SWJ', name: '广州市水务局' },
];

describe('the console gateway', () => {
  let dir: string;
  let staticDir: string;
  let intake: Awaited<ReturnType<typeof stubService>>;
  let dispatch: Awaited<ReturnType<typeof stubService>>;
  const download = randomBytes(256 * 1024);
  const gateways: Gateway[] = [];
  const start = async (options: Partial<GatewayOptions> = {}): Promise<Gateway> => {
    const gateway = await startGateway({
      port: 0,
      services: { intake: intake.url, dispatch: dispatch.url },
      consoleRoot: join(dir, 'apps', 'console'),
      staticDir,
      devSignIn: null,
      vite: false,
      production: false,
      ...options,
    });
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-'));
    staticDir = join(dir, 'dist', 'apps', 'console');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root">console index</div>');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(dir, 'dist', 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
    intake = await stubService((req, res, body) => {
      if (req.url?.startsWith('/api/attachments/download')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="a.bin"' });
        return void res.end(download);
      }
      if (req.url?.startsWith('/api/upload')) {
        res.writeHead(201, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }));
      }
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(req.url === '/api/missing' ? 422 : 200, { 'content-type': 'application/json', 'x-service': 'intake', etag: '"v1"' });
      res.end(JSON.stringify({ service: 'intake', url: req.url }));
    });
    dispatch = await stubService((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: 'dispatch', url: req.url }));
    });
  });

  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    intake.seen.length = 0;
    dispatch.seen.length = 0;
  });

  afterAll(async () => {
    await new Promise((done) => intake.server.close(done));
    await new Promise((done) => dispatch.server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('routes a service prefix to that service', () => {
    it('strips the prefix and keeps the rest of the path and the query', async () => {
      const gateway = await start();
      const a = await raw(gateway.url, '/intake/api/petitions?status=registered&limit=20');
      const b = await raw(gateway.url, '/dispatch/api/units?regionCode=440106');
      expect(a.json()).toEqual({ service: 'intake', url: '/api/petitions?status=registered&limit=20' });
      expect(b.json()).toEqual({ service: 'dispatch', url: '/api/units?regionCode=440106' });
      expect((await raw(gateway.url, '/intake/docs')).json()).toEqual({ service: 'intake', url: '/docs' });
      expect((await raw(gateway.url, '/intake')).json()).toEqual({ service: 'intake', url: '/' });
      expect((await raw(gateway.url, '/intake?x=1')).json()).toEqual({ service: 'intake', url: '/?x=1' });
    });

    it('for every service of the console routes (the list compose and the Ingress are held to)', async () => {
      const gateway = await start({ services: Object.fromEntries(CONSOLE_SERVICES.map((svc) => [svc, intake.url])) });
      for (const svc of CONSOLE_SERVICES) {
        expect((await raw(gateway.url, `${consolePrefix(svc)}/api/x?svc=${svc}`)).json()).toEqual({
          service: 'intake',
          url: `/api/x?svc=${svc}`,
        });
      }
    });

    it('only on a whole path segment', async () => {
      const gateway = await start();
      const res = await raw(gateway.url, '/intakes/api/petitions');
      expect(res.status).toBe(404);
      expect(intake.seen).toHaveLength(0);
    });

    it('passes request headers and body through (X-Forwarded-For: the caller’s own address, never its claim), and the answer’s status and headers back', async () => {
      const gateway = await start();
      const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
      const res = await raw(gateway.url, '/intake/api/missing', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': '3f0c1c5e-8d4f-4a55-9a3b-0f6f7c1d2e3f',
          'content-type': 'application/json',
          'accept-language': 'zh-CN',
          // A caller cannot name its own address: the gateway is the edge.
          'x-forwarded-for': '203.0.113.9',
        },
        body: JSON.stringify({ title: '小区门口道路长期积水' }),
      });
      const [seen] = intake.seen;
      expect(seen.method).toBe('POST');
      expect(seen.headers.authorization).toBe(`Bearer ${token}`);
      expect(seen.headers['idempotency-key']).toBe('3f0c1c5e-8d4f-4a55-9a3b-0f6f7c1d2e3f');
      expect(seen.headers['content-type']).toBe('application/json');
      expect(seen.headers['accept-language']).toBe('zh-CN');
      expect(JSON.parse(seen.body.toString('utf8'))).toEqual({ title: '小区门口道路长期积水' });
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');

      expect(res.status).toBe(422);
      expect(res.headers['x-service']).toBe('intake');
      expect(res.headers.etag).toBe('"v1"');
      expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(res.json()).toEqual({ service: 'intake', url: '/api/missing' });
    });

    it('passes a binary download through byte for byte', async () => {
      const gateway = await start();
      const res = await raw(gateway.url, '/intake/api/attachments/download');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-disposition']).toBe('attachment; filename="a.bin"');
      expect(res.body.equals(download)).toBe(true);
    });

    it('streams an upload to the service before the caller has finished sending it', async () => {
      let firstChunk!: () => void;
      const arrived = new Promise<void>((done) => (firstChunk = done));
      const received: Buffer[] = [];
      const upload = await stubService(() => undefined);
      upload.server.removeAllListeners('request');
      upload.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        req.on('data', (c: Buffer) => {
          received.push(c);
          firstChunk();
        });
        req.on('end', () => {
          const body = Buffer.concat(received);
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }));
        });
      });
      const gateway = await start({ services: { intake: upload.url } });
      const parts = [randomBytes(64 * 1024), randomBytes(3 * 1024 * 1024)];
      const whole = Buffer.concat(parts);
      const { hostname, port } = new URL(gateway.url);
      const answer = new Promise<{ status: number; body: string }>((done, failed) => {
        const req = request(
          {
            hostname,
            port,
            path: '/intake/api/upload',
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream', 'content-length': whole.length },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => done({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', failed);
        req.write(parts[0]);
        // The rest is sent only once the service has seen the first part: a buffering gateway
        // would wait for the whole body and this test would time out.
        void arrived.then(() => req.end(parts[1]));
      });
      const res = await answer;
      await new Promise((done) => upload.server.close(done));
      expect(res.status).toBe(201);
      expect(JSON.parse(res.body)).toEqual({ bytes: whole.length, sha256: createHash('sha256').update(whole).digest('hex') });
    });

    it('answers 502 SERVICE_UNAVAILABLE in JSON when the service is down', async () => {
      const gateway = await start({ services: { intake: intake.url, dispatch: await closedPortUrl() } });
      const res = await raw(gateway.url, '/dispatch/api/units', { headers: { authorization: 'Bearer x' } });
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({
        statusCode: 502,
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringContaining('dispatch'),
        details: [],
      });
      // The other service is unaffected.
      expect((await raw(gateway.url, '/intake/api/petitions')).status).toBe(200);
    });

    it('refuses a path that climbs out of its prefix', async () => {
      const gateway = await start();
      for (const path of ['/intake/../dispatch/api/units', '/intake/%2e%2e/dispatch/api/units', '/intake/api/..%2f..%2fx']) {
        expect({ path, status: (await raw(gateway.url, path)).status }).toEqual({ path, status: 400 });
      }
      expect(intake.seen).toHaveLength(0);
      expect(dispatch.seen).toHaveLength(0);
    });
  });

  describe('answers what belongs to no service', () => {
    it.each(['/api/petitions', '/supervision/api/reviews', '/nosuch/api/x'])('%s: 404 JSON, never the console', async (path) => {
      const gateway = await start();
      const res = await raw(gateway.url, path, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String), details: [] });
    });

    it('a write to a console route: 404 JSON', async () => {
      const gateway = await start();
      const res = await raw(gateway.url, '/handler/inbox', { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    });
  });

  describe('serves the built console', () => {
    it('index.html for a console route (the browser router takes over)', async () => {
      const gateway = await start();
      for (const path of ['/', '/handler/inbox', '/supervisor/reviews/123?tab=history', '/auth/callback']) {
        const res = await raw(gateway.url, path, { headers: { accept: 'text/html' } });
        expect({ path, status: res.status, type: res.headers['content-type'], body: res.text }).toEqual({
          path,
          status: 200,
          type: 'text/html; charset=utf-8',
          body: expect.stringContaining('console index'),
        });
        expect(res.headers['cache-control']).toBe('no-cache');
      }
    });

    it('the hashed assets, cached for good; a missing file is a 404, not index.html', async () => {
      const gateway = await start();
      const asset = await raw(gateway.url, '/assets/index-abc123.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.text).toBe('console.log("app")');
      const missing = await raw(gateway.url, '/assets/index-gone.js');
      expect(missing.status).toBe(404);
      expect(missing.text).not.toContain('console index');
    });

    it.each([
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5c..%5csecret.txt',
      '/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    ])('never a file outside the build: %s', async (path) => {
      const gateway = await start();
      const res = await raw(gateway.url, path);
      expect(res.status).toBe(400);
      expect(res.text).not.toContain('TOP SECRET');
    });

    it('a page saying the console is not built when there is no build', async () => {
      const gateway = await start({ staticDir: join(dir, 'nothing-here') });
      const res = await raw(gateway.url, '/handler/inbox');
      expect(res.status).toBe(503);
      expect(res.text).toContain('控制台尚未构建');
      // The API is still there.
      expect((await raw(gateway.url, '/intake/api/petitions')).status).toBe(200);
    });
  });

  describe('serves the console through Vite while developing', () => {
    const consoleRoot = () => join(dir, 'apps', 'console');

    beforeAll(() => {
      mkdirSync(consoleRoot(), { recursive: true });
      writeFileSync(join(consoleRoot(), 'vite.config.ts'), 'export default {};\n');
    });

    it('in middleware mode with the console’s config, behind the API and sign-in routes', async () => {
      const configs: unknown[] = [];
      let closed = false;
      const fakeVite: ViteModule = {
        createServer: async (config) => {
          configs.push(config);
          return {
            middlewares: (req, res, next) => {
              if (req.url === '/pass') return next();
              res.writeHead(200, { 'content-type': 'text/html' });
              res.end(`vite ${req.url}`);
            },
            close: async () => void (closed = true),
          };
        },
      };
      const gateway = await start({ vite: async () => fakeVite });
      expect(gateway.console).toBe('vite');
      expect(configs).toEqual([
        {
          configFile: join(consoleRoot(), 'vite.config.ts'),
          // Hot reload upgrades on the gateway's own server: no fixed port of Vite's to collide on.
          server: { middlewareMode: true, hmr: { server: expect.any(Server) } },
          appType: 'spa',
        },
      ]);
      expect((await raw(gateway.url, '/handler/inbox')).text).toBe('vite /handler/inbox');
      // The console's own modules, even where a path segment is called api, are Vite's to serve.
      expect((await raw(gateway.url, '/src/api/client.ts')).text).toBe('vite /src/api/client.ts');
      expect((await raw(gateway.url, '/nosuch/api/x')).status).toBe(404);
      expect((await raw(gateway.url, '/intake/api/petitions')).json()).toEqual({ service: 'intake', url: '/api/petitions' });
      expect((await raw(gateway.url, '/pass')).status).toBe(404);
      await gateway.close();
      expect(closed).toBe(true);
    });

    it('stops Vite again when its port is taken', async () => {
      let closed = false;
      const fakeVite: ViteModule = {
        createServer: async () => ({ middlewares: (_req, _res, next) => next(), close: async () => void (closed = true) }),
      };
      const first = await start();
      const port = Number(new URL(first.url).port);
      await expect(start({ port, vite: async () => fakeVite })).rejects.toThrow(/EADDRINUSE/);
      expect(closed).toBe(true);
    });

    it('falls back to the build when Vite is not installed', async () => {
      const notices: string[] = [];
      const gateway = await start({
        vite: async () => {
          throw new Error("Cannot find package 'vite'");
        },
        log: (line) => notices.push(line),
      });
      expect(gateway.console).toBe('static');
      expect(notices.join('\n')).toContain('Vite is not available');
      expect((await raw(gateway.url, '/handler/inbox')).text).toContain('console index');
    });

    it('never in production', async () => {
      const loader = jest.fn(async (): Promise<ViteModule> => {
        throw new Error('must not load');
      });
      const gateway = await start({ vite: loader, production: true });
      expect(loader).not.toHaveBeenCalled();
      expect(gateway.console).toBe('static');
    });
  });

  describe('development sign-in', () => {
    const signIn = (): DevSignIn & { units: jest.Mock } => ({ secret: DEV_JWT_SECRET, units: jest.fn(async () => UNITS) });

    it('lists the bureau’s staff and a handler and a unit head per unit', async () => {
      const gateway = await start({ devSignIn: signIn() });
      const res = await raw(gateway.url, '/auth/dev/users');
      expect(res.status).toBe(200);
      const users = res.json() as DevUser[];
      expect(users.filter((u) => u.unitId === null).map((u) => [u.id, u.roles])).toEqual([
        ['clerk', ['clerk']],
        ['dispatcher', ['dispatcher']],
        ['supervisor', ['supervisor']],
        ['analyst', ['analyst']],
      ]);
      expect(users.find((u) => u.id === 'handler-GZ-440106')).toEqual({
        id: 'handler-GZ-440106',
        label: '经办人 · 广州市天河区人民政府',
        roles: ['handler'],
        unitId: UNITS[0].id,
        unitName: '广州市天河区人民政府',
      });
      expect(users.find((u) => u.id === 'unit-head-GZ-SWJ')).toEqual(
        expect.objectContaining({ roles: ['unit_head'], unitId: UNITS[1].id, unitName: '广州市水务局' }),
      );
      for (const u of users) expect(u.label).toEqual(expect.any(String));
    });

    it('issues an 8-hour token the services’ verifier accepts', async () => {
      const gateway = await start({ devSignIn: signIn() });
      const before = Date.now();
      const res = await raw(gateway.url, '/auth/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'handler-GZ-440106' }),
      });
      expect(res.status).toBe(200);
      const { token, expiresAt } = res.json() as { token: string; expiresAt: string };
      expect(verifyStaffToken(token, DEV_JWT_SECRET)).toEqual({ sub: 'dev-handler-GZ-440106', roles: ['handler'], unitId: UNITS[0].id });
      expect(verifyStaffToken(token, 'another-secret-entirely')).toBeNull();
      const lifetime = Date.parse(expiresAt) - before;
      expect(lifetime).toBeGreaterThan(8 * 3600_000 - 5000);
      expect(lifetime).toBeLessThanOrEqual(8 * 3600_000 + 1000);

      const clerk = (await raw(gateway.url, '/auth/dev/token', { method: 'POST', body: '{"userId":"clerk"}' })).json() as { token: string };
      expect(verifyStaffToken(clerk.token, DEV_JWT_SECRET)).toEqual({ sub: 'dev-clerk', roles: ['clerk'], unitId: null });
    });

    it('refuses an unknown user or a malformed request', async () => {
      const gateway = await start({ devSignIn: signIn() });
      for (const body of ['{"userId":"root"}', '{}', 'not json']) {
        const res = await raw(gateway.url, '/auth/dev/token', { method: 'POST', body });
        expect({ body, status: res.status, code: (res.json() as { code: string }).code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      expect((await raw(gateway.url, '/auth/dev/token')).status).toBe(405);
      expect((await raw(gateway.url, '/auth/dev/other')).status).toBe(404);
    });

    it('offers the bureau’s staff when the directory cannot be read', async () => {
      const notices: string[] = [];
      const gateway = await start({
        devSignIn: { secret: DEV_JWT_SECRET, units: async () => Promise.reject(new Error('dispatch answered 502')) },
        log: (line) => notices.push(line),
      });
      const users = (await raw(gateway.url, '/auth/dev/users')).json() as DevUser[];
      expect(users.map((u) => u.id)).toEqual(['clerk', 'dispatcher', 'supervisor', 'analyst']);
      expect(notices.join('\n')).toContain('dispatch answered 502');
    });

    it('does not exist in production, and nothing is signed there', async () => {
      const production = signIn();
      const gateway = await start({ devSignIn: production, production: true });
      const users = await raw(gateway.url, '/auth/dev/users');
      const token = await raw(gateway.url, '/auth/dev/token', { method: 'POST', body: '{"userId":"clerk"}' });
      expect([users.status, token.status]).toEqual([404, 404]);
      expect(token.text).not.toMatch(/eyJ/);
      expect(production.units).not.toHaveBeenCalled();
    });

    it('does not exist without a sign-in (and NODE_ENV=production is production)', async () => {
      expect((await raw((await start()).url, '/auth/dev/users')).status).toBe(404);
      const saved = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        const gateway = await start({ devSignIn: signIn(), production: undefined });
        expect((await raw(gateway.url, '/auth/dev/users')).status).toBe(404);
      } finally {
        process.env.NODE_ENV = saved;
      }
    });
  });
});

describe('devSignInFromDispatch', () => {
  it('reads the units from dispatch with a dispatcher token of its own, the demo units first', async () => {
    const rows = [
      { id: 'u-xfj', code: 'GZ-XFJ', name: '广州市信访局', active: true },
      { id: 'u-swj', code: 'GZ-SWJ', name: '广州市水务局', active: true },
      { id: 'u-old', code: 'GZ-OLD', name: '已撤销单位', active: false },
      { id: 'u-th', code: 'GZ-440106', name: '广州市天河区人民政府', active: true },
    ];
    const dispatch = await stubService((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const page =
        url.searchParams.get('cursor') === 'p2'
          ? { items: rows.slice(2), nextCursor: null }
          : { items: rows.slice(0, 2), nextCursor: 'p2' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page));
    });
    try {
      const signIn = devSignInFromDispatch({
        dispatchUrl: dispatch.url,
        secret: DEV_JWT_SECRET,
        codes: ['GZ-440106', 'GZ-SWJ', 'GZ-NONE'],
      });
      expect(await signIn.units()).toEqual([
        { id: 'u-th', code: 'GZ-440106', name: '广州市天河区人民政府' },
        { id: 'u-swj', code: 'GZ-SWJ', name: '广州市水务局' },
      ]);
      expect(dispatch.seen.map((s) => s.url)).toEqual(['/api/units?limit=200', '/api/units?limit=200&cursor=p2']);
      const bearer = String(dispatch.seen[0].headers.authorization).replace(/^Bearer /, '');
      expect(verifyStaffToken(bearer, DEV_JWT_SECRET)).toEqual({ sub: 'console-gateway', roles: ['dispatcher'], unitId: null });
      // Kept for a minute.
      await signIn.units();
      expect(dispatch.seen).toHaveLength(2);
    } finally {
      await new Promise((done) => dispatch.server.close(done));
    }
  });

  it('takes the first active units of a directory without the demo units', async () => {
    const dispatch = await stubService((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [1, 2, 3].map((n) => ({ id: `u${n}`, code: `C${n}`, name: `单位${n}`, active: n !== 1 })),
          nextCursor: null,
        }),
      );
    });
    try {
      const units = await devSignInFromDispatch({ dispatchUrl: dispatch.url, secret: DEV_JWT_SECRET, count: 5 }).units();
      expect(units.map((u) => u.code)).toEqual(['C2', 'C3']);
    } finally {
      await new Promise((done) => dispatch.server.close(done));
    }
  });

  it('reports a directory it cannot read', async () => {
    await expect(devSignInFromDispatch({ dispatchUrl: await closedPortUrl(), secret: DEV_JWT_SECRET }).units()).rejects.toThrow();
  });
});
