import type { ServiceName } from './services';

/**
 * How the staff console reaches the services from its one origin: every service's HTTP API under
 * a path prefix named after it, which whoever stands in front strips (`/intake/api/petitions` →
 * intake's `/api/petitions`). The development gateway (gateway.ts), the compose nginx
 * (deploy/nginx/console-compose.conf) and the Kubernetes Ingress (deploy/k8s/ingress.yaml) all
 * route exactly these prefixes; tools/deploy/deploy-consistency.spec.ts holds them to this list.
 */
export const CONSOLE_SERVICES = ['intake', 'dispatch', 'handling', 'supervision', 'analytics'] as const satisfies readonly ServiceName[];

/** The prefix of a service at the console's origin: `/intake`, `/dispatch`, … */
export const consolePrefix = (service: string): string => `/${service}`;

/** The port the console's origin listens on: the gateway's default `CONSOLE_PORT`, compose's and the Ingress backend's. */
export const DEFAULT_CONSOLE_PORT = 3000;

/** The development sign-in (`GET /auth/dev/users`, `POST /auth/dev/token`); absent from every production config. */
export const DEV_AUTH_PREFIX = '/auth/dev';

/**
 * Paths that look like an API call but name no service (`/api/...`, `/<anything>/api/...`): answered
 * 404 JSON, never the console's index.html, so a wrong prefix fails loudly. The console's own
 * routes therefore never have `api` as their first or second segment.
 */
export const API_LIKE_PATH = /^\/(?:[^/]+\/)?api(?:\/|$)/;

/**
 * What Vite serves in development as modules: the console's sources (`/src/api/client.ts` has
 * `api` as its second segment), dependencies and Vite's own `/@...` paths. Never API calls.
 */
export const DEV_MODULE_PATH = /^\/(?:src|node_modules|@[^/]+)\//;
