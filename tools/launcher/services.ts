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
 * Environment a service needs beyond the common one, from the launcher's own settings: handling
 * calls intake for petitioner contact data, at intake's port as the launcher runs it.
 */
export function serviceEnv(name: ServiceName, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (name === 'handling') return { INTAKE_URL: env.INTAKE_URL ?? `http://127.0.0.1:${servicePort('intake', env)}` };
  return {};
}
