import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SystemClock } from '@petition/clock';
import { EventOutbox, OutboxWriter } from '@petition/messaging';
import { serviceDataSourceOptions } from '@petition/persistence';
import { bootService, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createDispatch } from '../../dispatch/src/bootstrap';
import { dispatchMigrations } from '../../dispatch/src/database/migrations';
import { seedDemoDirectory } from '../../dispatch/src/directory/seed/demo-directory.seeder';
import { createApp as createHandling } from '../../handling/src/bootstrap';
import { handlingMigrations } from '../../handling/src/database/migrations';
import { createApp as createIntake } from '../../intake/src/bootstrap';
import { intakeMigrations } from '../../intake/src/database/migrations';
import { createApp as createSupervision } from '../../supervision/src/bootstrap';
import { supervisionMigrations } from '../../supervision/src/database/migrations';

/** The petition services on an isolated stack, migrated and seeded. */
export interface Platform {
  stack: TestStack;
  intake: ServiceApp;
  dispatch: ServiceApp;
  handling: ServiceApp;
  /** Started only when asked for. */
  supervision: ServiceApp;
  /** Direct SQL on the stack's database, for assertions a user cannot make through the API. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** Migrations and demo directory for a stack, as the launcher does before starting services. */
export async function prepareDatabase(stack: TestStack): Promise<void> {
  await migrate(stack.databaseUrl, 'intake', intakeMigrations);
  await migrate(stack.databaseUrl, 'dispatch', dispatchMigrations);
  await migrate(stack.databaseUrl, 'handling', handlingMigrations);
  await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
  const ds = new DataSource(serviceDataSourceOptions({ url: stack.databaseUrl, schema: 'dispatch', entities: [], migrations: [] }));
  await ds.initialize();
  await seedDemoDirectory(ds, new EventOutbox(new OutboxWriter(), 'dispatch'), new SystemClock());
  await ds.destroy();
}

type PlatformService = 'intake' | 'dispatch' | 'handling' | 'supervision';

/** Starts the stack and the services named (intake, dispatch and handling by default), in-process. */
export async function startPlatform(services: PlatformService[] = ['intake', 'dispatch', 'handling']): Promise<Platform> {
  const stack = await startTestStack();
  await prepareDatabase(stack);
  const ds = new DataSource({ type: 'postgres', url: stack.databaseUrl });
  await ds.initialize();
  const started: Partial<Record<PlatformService, ServiceApp>> = {};
  const factories = { intake: createIntake, dispatch: createDispatch, handling: createHandling, supervision: createSupervision };
  // Intake first: handling calls it for petitioner contact data, at the URL it is given.
  const order = [...services].sort((a, b) => Number(b === 'intake') - Number(a === 'intake'));
  for (const name of order) {
    // Handling's uploads go to the temp dir, not the demo's .data (keys are per work item, so runs never collide).
    const handlingEnv = {
      ATTACHMENT_DIR: join(tmpdir(), 'petition-e2e-handling-attachments'),
      ...(started.intake ? { INTAKE_URL: started.intake.url() } : {}),
    };
    const env = name === 'handling' ? { ...stack.env, ...handlingEnv } : stack.env;
    started[name] = await bootService(factories[name], env);
  }
  return {
    stack,
    intake: started.intake as ServiceApp,
    dispatch: started.dispatch as ServiceApp,
    handling: started.handling as ServiceApp,
    supervision: started.supervision as ServiceApp,
    sql: (query, params) => ds.query(query, params),
    async stop() {
      for (const app of Object.values(started).reverse()) await app.shutdown();
      await ds.destroy();
      await stack.stop();
    },
  };
}
