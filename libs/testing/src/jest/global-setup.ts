import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
// Relative imports: Jest loads global setup outside its module mapper, so path aliases don't apply here.
import { startEmbeddedPostgres } from '../../../persistence/src/embedded-postgres';
import { startBroker } from '../../../kafka-broker/src';
import { testInfra } from './test-infra';

/**
 * Starts one embedded PostgreSQL and one development broker for the whole Jest run, on free
 * ports in a fresh temp directory (never `.data/`), and hands their addresses to the test
 * workers through the environment. `PETITION_TEST_INFRA=off` skips it for pure unit runs.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PETITION_TEST_INFRA === 'off') return;
  const root = mkdtempSync(join(tmpdir(), 'petition-test-'));
  const pgPort = await freePort();
  const postgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort });
  const databaseUrl = await postgres.ensureDatabase('petition_test');
  const broker = await startBroker({ port: 0, dataDir: join(root, 'kafka'), partitions: 3 });
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_KAFKA_BROKERS = broker.address;
  process.env.TEST_INFRA_DIR = root;
  testInfra.postgres = postgres;
  testInfra.broker = broker;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
