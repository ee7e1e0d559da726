import { DataSource } from 'typeorm';
import { SystemClock } from '@petition/clock';
import { EventOutbox, OutboxWriter } from '@petition/messaging';
import { migrateServiceSchema, serviceDataSourceOptions } from '@petition/persistence';
import { seedDemoDirectory } from '../../apps/dispatch/src/directory/seed/demo-directory.seeder';
import { SERVICES } from './services';

/** Runs every service's pending migrations, each in its own schema. */
export async function migrateAll(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  for (const s of SERVICES) {
    const ran = await migrateServiceSchema({ url: databaseUrl, schema: s.name, entities: [], migrations: [...s.migrations] });
    log(`${s.name}: ${ran.length ? `ran ${ran.join(', ')}` : 'schema up to date'}`);
  }
}

/** Loads the demo city into dispatch's directory (idempotent). */
export async function seedDemo(databaseUrl: string): Promise<Record<string, number>> {
  const ds = new DataSource(serviceDataSourceOptions({ url: databaseUrl, schema: 'dispatch', entities: [], migrations: [] }));
  await ds.initialize();
  try {
    return await seedDemoDirectory(ds, new EventOutbox(new OutboxWriter(), 'dispatch'), new SystemClock());
  } finally {
    await ds.destroy();
  }
}

/** `npm run migrate [-- --seed-demo]`: migrations against DATABASE_URL (the production migration Job runs this). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('migrate: DATABASE_URL is required\n');
    process.exit(2);
  }
  await migrateAll(url, (line) => process.stdout.write(`${line}\n`));
  if (process.argv.includes('--seed-demo')) process.stdout.write(`demo directory: ${JSON.stringify(await seedDemo(url))}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`migrate failed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
