import { rmSync } from 'node:fs';
import { testInfra } from './test-infra';

/** Stops what global setup started and removes its temp directory. */
export default async function globalTeardown(): Promise<void> {
  await testInfra.broker?.stop();
  await testInfra.postgres?.stop();
  const dir = process.env.TEST_INFRA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
