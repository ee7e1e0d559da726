import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './file-io';

/**
 * The cluster id reported in Metadata, created once per data directory and kept across
 * restarts, as clients may compare it.
 * @returns the id (22 url-safe characters, like Kafka's)
 */
export async function loadClusterId(dataDir: string): Promise<string> {
  const filePath = path.join(dataDir, 'meta.json');
  const text = await fsp.readFile(filePath, 'utf8').catch(() => null);
  if (text !== null) return (JSON.parse(text) as { clusterId: string }).clusterId;
  const clusterId = randomBytes(16).toString('base64url').slice(0, 22);
  await writeFileAtomic(filePath, JSON.stringify({ clusterId, formatVersion: 1 }));
  return clusterId;
}
