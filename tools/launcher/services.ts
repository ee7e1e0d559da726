import { analyticsMigrations } from '../../apps/analytics/src/database/migrations';
import { dispatchMigrations } from '../../apps/dispatch/src/database/migrations';
import { handlingMigrations } from '../../apps/handling/src/database/migrations';
import { intakeMigrations } from '../../apps/intake/src/database/migrations';
import { supervisionMigrations } from '../../apps/supervision/src/database/migrations';

/** The five services, their default ports (docs/architecture.md) and migrations, in start order. */
export const SERVICES = [
  { name: 'intake', port: 3001, migrations: intakeMigrations },
  { name: 'dispatch', port: 3002, migrations: dispatchMigrations },
  { name: 'handling', port: 3003, migrations: handlingMigrations },
  { name: 'supervision', port: 3004, migrations: supervisionMigrations },
  { name: 'analytics', port: 3005, migrations: analyticsMigrations },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

/** The port of a service: `<NAME>_PORT` or its default. */
export function servicePort(name: ServiceName, env: NodeJS.ProcessEnv = process.env): number {
  const spec = SERVICES.find((s) => s.name === name);
  return Number(env[`${name.toUpperCase()}_PORT`] ?? spec?.port);
}

/**
 * The proxies in front of the services `npm start` runs: the console's gateway, on loopback
 * (`gateway.ts`), which sets X-Forwarded-For to its own caller. (The demo's seeding, also on
 * loopback, names its simulated petitioners' addresses the same way.)
 */
export const LAUNCHER_TRUSTED_PROXIES = '127.0.0.1,::1';

/**
 * Environment a service needs beyond the common one, from the launcher's own settings: the proxy
 * it runs in front of them, and for handling intake's URL (petitioner contact data), at intake's
 * port as the launcher runs it. `TRUSTED_PROXIES` set for the launcher wins.
 */
export function serviceEnv(name: ServiceName, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const common = { TRUSTED_PROXIES: env.TRUSTED_PROXIES ?? LAUNCHER_TRUSTED_PROXIES };
  if (name === 'handling') return { ...common, INTAKE_URL: env.INTAKE_URL ?? `http://127.0.0.1:${servicePort('intake', env)}` };
  return common;
}
