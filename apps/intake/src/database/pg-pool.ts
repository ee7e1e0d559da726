import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The node-postgres pool behind a TypeORM data source. The registration hot path talks to it
 * directly: one parameterised statement costs one round trip and no query-builder or query-runner
 * work, which at several hundred registrations a second is most of the service's CPU.
 */
export function pgPool(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') throw new Error('the data source is not a connected PostgreSQL data source');
  return pool;
}
