import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './file-io';

const BLOCK_SIZE = 1000;

/**
 * Hands out idempotent producer ids that are never reused, even across crashes: ids are
 * reserved in blocks, and a block is persisted before any id from it is returned.
 */
export class ProducerIdAllocator {
  private next = 0;
  private blockEnd = 0;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly filePath: string) {}

  static async open(dataDir: string): Promise<ProducerIdAllocator> {
    const filePath = path.join(dataDir, 'state', 'producer-ids.json');
    await fsp.mkdir(path.dirname(filePath), { recursive: true });
    const allocator = new ProducerIdAllocator(filePath);
    const text = await fsp.readFile(filePath, 'utf8').catch(() => null);
    const reserved = text === null ? 0 : Number((JSON.parse(text) as { reservedUpTo: number }).reservedUpTo);
    allocator.next = reserved;
    allocator.blockEnd = reserved;
    return allocator;
  }

  /** The next unused producer id. */
  allocate(): Promise<number> {
    const result = this.chain.then(async () => {
      if (this.next >= this.blockEnd) {
        const blockEnd = this.next + BLOCK_SIZE;
        await writeFileAtomic(this.filePath, JSON.stringify({ reservedUpTo: blockEnd }));
        this.blockEnd = blockEnd;
      }
      return this.next++;
    });
    this.chain = result.catch(() => undefined);
    return result;
  }
}
