import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { API_LIKE_PATH, DEV_AUTH_PREFIX, DEV_MODULE_PATH, consolePrefix } from './console-routes';
import { devUsers, issueDevToken, type DevSignIn, type DevUser } from './dev-sign-in';

/**
 * The staff console's one origin under `npm start`: each service's API under its prefix
 * (`/intake/api/...` → intake's `/api/...`, streamed both ways, the request untouched but for the
 * prefix), the development sign-in under `/auth/dev/`, and the console itself for everything else —
 * Vite in middleware mode while developing, else the production build in `dist/apps/console`, else
 * a page saying it has not been built. Production runs none of this: nginx serves the build and
 * the Ingress (or compose's nginx) routes the same prefixes (deploy/README.md).
 */

/** What {@link startGateway} needs. */
export interface GatewayOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Address to bind; loopback, because the development sign-in hands out tokens to whoever asks. */
  host?: string;
  /** Service name → base URL; `/<name>/...` is proxied to `<url>/...`. */
  services: Record<string, string>;
  /** Absolute path of `apps/console` (holding `vite.config.ts`). */
  consoleRoot: string;
  /** The production build; defaults to `dist/apps/console` beside `apps/console`. */
  staticDir?: string;
  /** Development sign-in; null (or production) answers 404 under `/auth/dev/`. */
  devSignIn: DevSignIn | null;
  /**
   * Serve the console through Vite's dev server: true (default outside production) imports the
   * `vite` package, a function supplies it (tests), false serves `staticDir` only.
   */
  vite?: boolean | ViteLoader;
  /** Production: no sign-in, no Vite, whatever else was passed. Defaults to NODE_ENV=production. */
  production?: boolean;
  /** Where notices go (Vite missing, sign-in failures); silent by default. */
  log?: (line: string) => void;
}

/** A running gateway. */
export interface Gateway {
  url: string;
  /** How the console is served: through Vite, or from the build directory (or the not-built page). */
  console: 'vite' | 'static';
  close(): Promise<void>;
}

/** The part of Vite's API the gateway uses (https://vite.dev/guide/api-javascript#createserver). */
export interface ViteModule {
  createServer(config: Record<string, unknown>): Promise<ViteDevServer>;
}
interface ViteDevServer {
  middlewares: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  close(): Promise<void>;
}
export type ViteLoader = () => Promise<ViteModule>;

// A real dynamic import: the TypeScript transpilers used here turn `import()` into `require()`,
// which cannot load an ES-module-only package such as Vite.
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
const importVite: ViteLoader = async () => (await nativeImport('vite')) as ViteModule;

/** Starts the gateway; resolves once it listens. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const log = options.log ?? (() => undefined);
  const staticDir = resolve(options.staticDir ?? join(options.consoleRoot, '..', '..', 'dist', 'apps', 'console'));
  const signIn = production ? null : options.devSignIn;
  const agent = new Agent({ keepAlive: true });
  const targets = Object.entries(options.services).map(([name, url]) => ({ name, prefix: consolePrefix(name), url: new URL(url) }));

  let vite: ViteDevServer | null = null;
  const serveConsole = (req: IncomingMessage, res: ServerResponse, pathname: string): void | Promise<void> =>
    vite ? vite.middlewares(req, res, (err) => (err ? fail(res, err) : notFound(res))) : serveStatic(req, res, staticDir, pathname);

  const server = createServer((req, res) => {
    const handled = async () => {
      const url = req.url ?? '';
      if (!url.startsWith('/')) return sendError(res, 400, 'BAD_REQUEST', '请求格式有误 (malformed request)');
      const pathname = url.split('?', 1)[0];
      if (!safePath(pathname)) return sendError(res, 400, 'BAD_REQUEST', '请求路径有误 (malformed path)');
      const target = targets.find((t) => pathname === t.prefix || pathname.startsWith(`${t.prefix}/`));
      if (target) return proxy(req, res, target, url.slice(target.prefix.length), agent);
      if (pathname === DEV_AUTH_PREFIX || pathname.startsWith(`${DEV_AUTH_PREFIX}/`)) return devAuth(req, res, pathname, signIn, log);
      const apiLike = API_LIKE_PATH.test(pathname) && !(vite && DEV_MODULE_PATH.test(pathname));
      if (apiLike || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
      return serveConsole(req, res, pathname);
    };
    Promise.resolve()
      .then(handled)
      .catch((err: unknown) => fail(res, err));
  });

  // Vite's hot reload talks over this server's own port (a WebSocket upgrade), not a fixed port of
  // its own: two platforms on one machine (npm start beside the browser tier) would collide there.
  vite = production || options.vite === false ? null : await startVite(options.consoleRoot, options.vite, server, log);
  try {
    await new Promise<void>((done, failed) => {
      server.once('error', failed);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', failed);
        done();
      });
    });
  } catch (err) {
    // The port is taken (say): leave nothing running behind.
    agent.destroy();
    await vite?.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    console: vite ? 'vite' : 'static',
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      agent.destroy();
      await vite?.close();
    },
  };
}

async function startVite(
  consoleRoot: string,
  loader: true | ViteLoader | undefined,
  httpServer: Server,
  log: (line: string) => void,
): Promise<ViteDevServer | null> {
  const configFile = join(consoleRoot, 'vite.config.ts');
  if (!(await isFile(configFile))) return null;
  let vite: ViteModule;
  try {
    vite = await (typeof loader === 'function' ? loader : importVite)();
  } catch (err) {
    log(`console: Vite is not available (${(err as Error).message.split('\n')[0]}); serving the built console instead`);
    return null;
  }
  try {
    return await vite.createServer({ configFile, server: { middlewareMode: true, hmr: { server: httpServer } }, appType: 'spa' });
  } catch (err) {
    log(`console: Vite did not start (${(err as Error).message}); serving the built console instead`);
    return null;
  }
}

// ---- proxy ----------------------------------------------------------------------------------------

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function hopByHop(connection: string | string[] | undefined): Set<string> {
  const named = [connection ?? []].flat().flatMap((v) => v.split(',').map((s) => s.trim().toLowerCase()));
  return new Set([...HOP_BY_HOP, ...named.filter(Boolean)]);
}

/**
 * Streams the request to the service and its answer back. Headers, status and body pass through as
 * they are; the service sees its own host and the caller in `X-Forwarded-*`. The gateway is the
 * edge, so `X-Forwarded-For` is its caller's address alone, never what the caller claims (the
 * services believe the header from the gateway: `TRUSTED_PROXIES`, services.ts).
 */
function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: { name: string; prefix: string; url: URL },
  rest: string,
  agent: Agent,
): void {
  const path = target.url.pathname.replace(/\/$/, '') + (rest.startsWith('/') ? rest : `/${rest}`);
  const drop = hopByHop(req.headers.connection);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders))
    if (value !== undefined && !drop.has(name)) headers[name] = value;
  // A chunked request body stays chunked (Node frames it again); without it, Node would send a GET
  // or DELETE body with no framing at all.
  if (/\bchunked\b/i.test(req.headers['transfer-encoding'] ?? '')) headers['transfer-encoding'] = 'chunked';
  headers.host = target.url.host;
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-host'] ??= req.headers.host;
  headers['x-forwarded-proto'] ??= 'http';

  const upstream = request({
    protocol: target.url.protocol,
    hostname: target.url.hostname,
    port: target.url.port,
    method: req.method,
    path,
    headers,
    agent,
  });
  upstream.on('response', (answer) => {
    const dropped = hopByHop(answer.headers.connection);
    const raw: string[] = [];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      if (!dropped.has(answer.rawHeaders[i].toLowerCase())) raw.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
    }
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
    answer.pipe(res);
    // The service stopped mid-answer: cut the client's response too, so it is never taken as whole.
    answer.on('error', () => res.destroy());
    answer.on('aborted', () => res.destroy());
  });
  upstream.on('error', (err) => {
    if (res.headersSent) return void res.destroy(err);
    // The request body may still be arriving; end the connection rather than read it all.
    if (!req.complete) res.setHeader('connection', 'close');
    sendError(res, 502, 'SERVICE_UNAVAILABLE', `服务暂时不可用 (${target.name} is unavailable)`);
  });
  // The caller went away: stop the service's work on its behalf.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

// ---- development sign-in --------------------------------------------------------------------------

async function devAuth(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  signIn: DevSignIn | null,
  log: (line: string) => void,
): Promise<void> {
  if (!signIn) return notFound(res);
  if (pathname === `${DEV_AUTH_PREFIX}/users`) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET');
    return sendJson(res, 200, await usersFor(signIn, log));
  }
  if (pathname === `${DEV_AUTH_PREFIX}/token`) {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    const body = await readJson(req, 16 * 1024);
    const userId = body && typeof body === 'object' ? (body as { userId?: unknown }).userId : undefined;
    if (typeof userId !== 'string' || !userId) {
      return sendError(res, 400, 'VALIDATION_FAILED', '输入有误 (validation failed)', [
        { field: 'userId', reason: 'userId must name a user of GET /auth/dev/users' },
      ]);
    }
    const user = (await usersFor(signIn, log)).find((u) => u.id === userId);
    if (!user)
      return sendError(res, 400, 'VALIDATION_FAILED', '输入有误 (validation failed)', [
        { field: 'userId', reason: `no development user ${userId}` },
      ]);
    return sendJson(res, 200, issueDevToken(user, signIn.secret, signIn.ttlSeconds));
  }
  return notFound(res);
}

/** The demo users; without the directory (dispatch down) only the bureau's staff, with a notice. */
async function usersFor(signIn: DevSignIn, log: (line: string) => void): Promise<DevUser[]> {
  try {
    return devUsers(await signIn.units());
  } catch (err) {
    log(`console sign-in: no units from the directory (${(err as Error).message}); offering the bureau's staff only`);
    return devUsers([]);
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

// ---- the console's files --------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * A file of the build, or index.html for a console route (a path without an extension), so the
 * browser's router gets `/handler/inbox` on a reload. A missing file with an extension is a 404,
 * never index.html in its place. Nothing outside the build directory is ever read.
 */
async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  const index = join(root, 'index.html');
  if (!(await isFile(index))) return notBuilt(res);
  const file = resolve(root, `.${decodeURIComponent(pathname)}`);
  if (file !== root && !file.startsWith(root + sep)) return sendError(res, 400, 'BAD_REQUEST', '请求路径有误 (malformed path)');
  if (await isFile(file)) return sendFile(req, res, file, pathname.startsWith('/assets/'));
  if (extname(pathname)) return notFound(res);
  return sendFile(req, res, index, false);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, hashed: boolean): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    // Vite names everything under assets/ by its content hash; index.html must always be fresh.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', (err) => res.destroy(err))
    .pipe(res);
}

function notBuilt(res: ServerResponse): void {
  const body =
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>信访平台 · 控制台</title>' +
    '<body style="font-family:sans-serif;margin:3em"><h1>控制台尚未构建</h1>' +
    '<p>The staff console has not been built: install the dependencies (<code>npm ci</code>) and restart <code>npm start</code>, ' +
    'which serves it through Vite, or build it into <code>dist/apps/console</code>.</p>' +
    '<p>The services answer meanwhile under <code>/intake/</code>, <code>/dispatch/</code>, <code>/handling/</code>, ' +
    '<code>/supervision/</code> and <code>/analytics/</code>.</p></body></html>';
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

// ---- helpers --------------------------------------------------------------------------------------

/** A path the gateway will route: decodable, no NUL, no `.`/`..` segment (also when %-encoded or with `\`). */
function safePath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  return ![pathname, decoded].some((p) => p.split(/[/\\]/).some((segment) => segment === '.' || segment === '..'));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The services' error body (`ApiErrorBody` in libs/contracts). */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details: Array<{ field: string; reason: string }> = [],
): void {
  sendJson(res, status, { statusCode: status, code, message, details });
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, 'ROUTE_NOT_FOUND', '没有这个接口 (no such endpoint)');
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendError(res, 405, 'METHOD_NOT_ALLOWED', '不支持该请求方法 (method not allowed)');
}

function fail(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.destroy(err instanceof Error ? err : undefined);
  sendError(res, 500, 'INTERNAL_ERROR', `网关内部错误 (${err instanceof Error ? err.message : String(err)})`);
}
