import type { MigrationInterface } from 'typeorm';
import { migrateServiceSchema } from '@petition/persistence';

/** What the harness needs from a service: the same createApp main.ts uses, and its migrations. */
export interface ServiceApp {
  start(): Promise<void>;
  url(): string;
  shutdown(): Promise<void>;
}

/** Runs a service's migrations into its schema on the stack's database. */
export async function migrate(databaseUrl: string, schema: string, migrations: Array<new () => MigrationInterface>): Promise<void> {
  await migrateServiceSchema({ url: databaseUrl, schema, entities: [], migrations });
}

/** Builds and starts a service in-process on a free port with the stack's environment. */
export async function bootService(
  createApp: (options: { env: Record<string, string | undefined> }) => Promise<ServiceApp>,
  env: Record<string, string>,
): Promise<ServiceApp> {
  const app = await createApp({ env: { PORT: '0', HOST: '127.0.0.1', ...env } });
  await app.start();
  return app;
}
