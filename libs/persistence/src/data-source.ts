import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

/** What a service's data source needs. */
export interface ServiceDataSourceSettings {
  /** `DATABASE_URL`: any PostgreSQL 13+; each service keeps to its own schema inside it. */
  url: string;
  /** The service's schema; tables are created and read only there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * TypeORM options for one service schema: `synchronize` off (migrations are code), the schema
 * first on the search_path so raw SQL in migrations and repositories lands in it, and the
 * migrations table kept in the schema too.
 */
export function serviceDataSourceOptions(settings: ServiceDataSourceSettings): DataSourceOptions {
  assertSchemaName(settings.schema);
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName ?? settings.schema,
    extra: {
      max: settings.poolSize ?? 10,
      options: `-c search_path=${settings.schema},public -c timezone=Asia/Shanghai`,
    },
  };
}

/** Creates the service's schema if needed and runs its pending migrations; returns their names. */
export async function migrateServiceSchema(settings: ServiceDataSourceSettings): Promise<string[]> {
  await ensureSchema(settings.url, settings.schema);
  const dataSource = new DataSource(serviceDataSourceOptions({ ...settings, poolSize: 2 }));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** `CREATE SCHEMA IF NOT EXISTS`, tolerant of two instances racing at first start. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await client.end();
  }
}

function assertSchemaName(schema: string): void {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}
