import { readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import * as path from 'node:path';
import { readBatchHeader } from '../src/protocol/record-batch';
import { ErrorCode } from '../src/protocol/error-code';
import type { PartitionLog } from '../src/storage/partition-log';
import { openPartitionLog } from '../src/storage/partition-log-loader';
import { freshDataDir } from './broker-test-kit';
import { encodeBatch } from './record-batches';
import type { BatchSpec } from './record-batches';

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const settings = { segmentBytes: 1024, indexIntervalBytes: 128, fsyncAlways: false };

async function append(log: PartitionLog, spec: BatchSpec): Promise<number> {
  const batch = await encodeBatch(spec);
  const result = log.append(batch, [readBatchHeader(batch, 0)], Date.now());
  await result.written;
  return result.baseOffset;
}

async function readOffsets(log: PartitionLog, offset: number, maxBytes = 1 << 20): Promise<Array<[number, number]>> {
  const read = await log.read(offset, { maxBytes, firstBatchLimit: Number.POSITIVE_INFINITY });
  expect(read.error).toBe(ErrorCode.None);
  const batches: Array<[number, number]> = [];
  for (let at = 0; at < read.records.length;) {
    const header = readBatchHeader(read.records, at);
    batches.push([header.baseOffset, header.baseOffset + header.lastOffsetDelta]);
    at += header.size;
  }
  return batches;
}

function segmentFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.log'))
    .sort();
}

describe('partition log storage', () => {
  let directory: string;

  beforeEach(() => {
    directory = path.join(freshDataDir(), 'p0');
  });

  afterEach(() => rmSync(path.dirname(directory), { recursive: true, force: true }));

  it('rolls segments, reads across them, and reopens from saved indexes', async () => {
    let log = await openPartitionLog('t', 0, directory, settings, logger);
    for (let i = 0; i < 40; i++) {
      expect(await append(log, { values: [`a${i}`, `b${i}`, 'x'.repeat(60)], timestamps: [1000 + i, 1000 + i, 1000 + i] })).toBe(i * 3);
    }
    expect(log.highWatermark).toBe(120);
    expect(log.segmentCount).toBeGreaterThan(4);
    expect((await readOffsets(log, 61))[0]).toEqual([60, 62]);
    expect(await readOffsets(log, 119)).toEqual([[117, 119]]);
    expect(await log.offsetForTimestamp(1020)).toBe(60);
    expect(await log.offsetForTimestamp(5000)).toBe(-1);
    await log.close({ forDeletion: false });

    log = await openPartitionLog('t', 0, directory, settings, logger);
    expect(log.highWatermark).toBe(120);
    const all: Array<[number, number]> = [];
    for (let offset = 0; offset < 120; offset = all[all.length - 1][1] + 1) all.push(...(await readOffsets(log, offset)));
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => [i * 3, i * 3 + 2]));
    expect(await append(log, { values: ['after reopen'] })).toBe(120);
    await log.close({ forDeletion: false });
  });

  it('rebuilds an unsealed active segment after a crash, including duplicate detection', async () => {
    let log = await openPartitionLog('t', 0, directory, settings, logger);
    await append(log, { values: ['a', 'b'], producerId: 5, firstSequence: 0 });
    await append(log, { values: ['c'], producerId: 5, firstSequence: 2 });
    // Closing for deletion writes no index or producer snapshot: the state a kill -9 leaves.
    await log.close({ forDeletion: true });
    expect(readdirSync(directory).filter((f) => f.endsWith('.index'))).toEqual([]);

    log = await openPartitionLog('t', 0, directory, settings, logger);
    expect(log.highWatermark).toBe(3);
    expect(await append(log, { values: ['c'], producerId: 5, firstSequence: 2 })).toBe(2);
    expect(log.highWatermark).toBe(3);
    expect(await append(log, { values: ['d'], producerId: 5, firstSequence: 3 })).toBe(3);
    await log.close({ forDeletion: false });
  });

  it('serves past a gap left by a damaged middle segment', async () => {
    let log = await openPartitionLog('t', 0, directory, settings, logger);
    for (let i = 0; i < 30; i++) await append(log, { values: [`v${i}`, 'y'.repeat(100)] });
    await log.close({ forDeletion: false });
    const [first, second] = segmentFiles(directory);
    const firstPath = path.join(directory, first);
    truncateSync(firstPath, statSync(firstPath).size - 10);

    log = await openPartitionLog('t', 0, directory, settings, logger);
    const secondBase = Number(second.slice(0, 20));
    expect(log.highWatermark).toBe(60);
    // The damaged segment lost its last batch; offsets inside it continue in the next segment.
    const [lost] = await readOffsets(log, secondBase - 1);
    expect(lost).toEqual([secondBase, secondBase + 1]);
    expect((await readOffsets(log, 0))[0]).toEqual([0, 1]);
    await log.close({ forDeletion: false });
  });

  it('syncs every write under fsync always and enforces retention by size', async () => {
    const log = await openPartitionLog('t', 0, directory, { ...settings, fsyncAlways: true }, logger);
    for (let i = 0; i < 30; i++) await append(log, { values: [`v${i}`, 'z'.repeat(100)] });
    const before = log.segmentCount;
    expect(await log.enforceRetention(Date.now(), -1, 2048)).toBeGreaterThan(0);
    expect(log.segmentCount).toBeLessThan(before);
    expect(log.sizeBytes).toBeLessThan(2048 + settings.segmentBytes);
    expect(log.logStartOffset).toBeGreaterThan(0);
    const stale = await log.read(0, { maxBytes: 1000, firstBatchLimit: 1000 });
    expect(stale.error).toBe(ErrorCode.OffsetOutOfRange);
    expect(segmentFiles(directory)).toHaveLength(log.segmentCount);
    await log.close({ forDeletion: false });
  });
});
