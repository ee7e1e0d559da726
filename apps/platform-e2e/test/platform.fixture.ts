import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@petition/contracts';
import { SystemClock } from '@petition/clock';
import { EventOutbox, OutboxWriter } from '@petition/messaging';
import { serviceDataSourceOptions } from '@petition/persistence';
import { bearer, bootService, eventually, migrate, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
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

/**
 * Starts the stack and the services named (intake, dispatch and handling by default), in-process;
 * `env` adds settings per service (e.g. a small attachment limit).
 */
export async function startPlatform(
  services: PlatformService[] = ['intake', 'dispatch', 'handling'],
  env: Partial<Record<PlatformService, Record<string, string>>> = {},
): Promise<Platform> {
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
    const base = name === 'handling' ? { ...stack.env, ...handlingEnv } : stack.env;
    started[name] = await bootService(factories[name], { ...base, ...env[name] });
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

/** What a clerk types in to register a petition at the window (defaults: a visit about illegal building). */
export interface RegistrationFields {
  channel?: string;
  petitionerName?: string;
  petitionerPhone?: string;
  title?: string;
  content?: string;
  categoryCode?: string;
  regionCode?: string;
  nature?: string;
  accusedUnitId?: string;
}

/**
 * Registers a petition at intake as a clerk. Each call is a different petitioner (a fresh phone
 * number unless one is given), so intake never links two test petitions as repeats.
 */
export async function registerPetition(platform: Platform, fields: RegistrationFields = {}): Promise<{ id: string; trackingNo: string }> {
  const title = fields.title ?? '邻居违建阻挡采光';
  const res = await request(platform.intake.url())
    .post('/api/petitions')
    .set('Authorization', bearer([Role.Clerk]))
    .set('Idempotency-Key', randomUUID())
    .send({
      channel: 'visit',
      petitionerName: '吴十',
      petitionerPhone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      content: `${title}，请求依法处理。`,
      categoryCode: 'URBAN.ILLEGAL_BUILDING',
      regionCode: '440103',
      ...fields,
      title,
    })
    .expect(201);
  return res.body;
}

/** A JSON body as the API answered it; the tests' assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiBody = Record<string, any>;

/**
 * Waits until the unit (its staff's token `auth`) has the petition's work item of `role` in its
 * inbox — and, when intake runs, until intake has recorded that assignment too: handling and intake
 * each learn it from `petition.assigned`, in their own time, and intake lets a unit read the case
 * file or a document only once it knows the unit handles the matter.
 */
export async function workItemOf(platform: Platform, auth: string, petitionId: string, role = 'lead'): Promise<ApiBody> {
  const item: ApiBody = await eventually(async () => {
    const inbox = await request(platform.handling.url()).get('/api/work-items?limit=200').set('Authorization', auth).expect(200);
    return inbox.body.items.find((w: { petitionId: string; role: string }) => w.petitionId === petitionId && w.role === role);
  });
  if (platform.intake)
    await eventually(async () => {
      const [p] = await platform.sql<{ lead_unit_id: string | null; co_handler_unit_ids: string[] }>(
        'SELECT lead_unit_id, co_handler_unit_ids FROM intake.petitions WHERE id = $1',
        [petitionId],
      );
      return p && (p.lead_unit_id === item.unitId || p.co_handler_unit_ids.includes(item.unitId)) ? true : undefined;
    });
  return item;
}

/** Registers a petition, waits for the lead unit's work item and accepts it; returns the accepted item. */
export async function acceptedItem(platform: Platform, auth: string, fields: RegistrationFields = {}): Promise<ApiBody> {
  const petition = await registerPetition(platform, fields);
  const item = await workItemOf(platform, auth, petition.id);
  const accepted = await request(platform.handling.url())
    .post(`/api/work-items/${item.id}/accept`)
    .set('Authorization', auth)
    .set('Idempotency-Key', randomUUID())
    .expect(200);
  return accepted.body;
}
