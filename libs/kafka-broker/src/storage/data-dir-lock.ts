import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** Data directories locked by brokers of this process (a lock file alone cannot tell). */
const lockedHere = new Set<string>();

/**
 * Keeps two brokers off one data directory: a `.lock` file holding the owner's pid. A lock
 * left by a dead process (kill -9) is taken over; one held by a live process is refused.
 * A lock naming this very process but not taken by it is stale too: a restarted container
 * often hands the new broker the pid its predecessor had.
 */
export class DataDirLock {
  private constructor(
    private readonly lockPath: string,
    private readonly dataDir: string,
  ) {}

  static async acquire(dataDir: string): Promise<DataDirLock> {
    const lockPath = path.join(dataDir, '.lock');
    if (lockedHere.has(dataDir)) throw new Error(`data directory ${dataDir} is in use by a broker in this process`);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await fsp.writeFile(lockPath, String(process.pid), { flag: 'wx' });
        lockedHere.add(dataDir);
        return new DataDirLock(lockPath, dataDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number(await fsp.readFile(lockPath, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(`data directory ${dataDir} is in use by process ${owner} (remove ${lockPath} if no broker runs there)`);
      }
      await fsp.rm(lockPath, { force: true });
    }
    throw new Error(`could not lock data directory ${dataDir}`);
  }

  async release(): Promise<void> {
    await fsp.rm(this.lockPath, { force: true });
    lockedHere.delete(this.dataDir);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
