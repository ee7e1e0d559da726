import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { BrokerLogger } from '../broker-options';
import { LogSegment, segmentFileName } from './log-segment';
import { closeFile, fileSize, openFile, syncDirectory, truncateFile } from './file-io';
import { PRODUCER_STATE_FILE, PartitionLog } from './partition-log';
import type { LogSettings } from './partition-log';
import { ProducerSequenceCache } from './producer-sequence-cache';
import type { ProducerSnapshot } from './producer-sequence-cache';
import { SegmentIndex } from './segment-index';
import { scanSegment } from './segment-scanner';

const SEGMENT_FILE = /^(\d{20})\.log$/;
const settled = Promise.resolve();

/**
 * Opens (or creates) a partition directory. Segments with a saved index that matches the file
 * size are trusted as is; any other segment (normally the active one after a crash) is scanned
 * batch by batch, and a torn or corrupt tail is truncated away before anything is served.
 */
export async function openPartitionLog(
  topic: string,
  partition: number,
  directory: string,
  settings: LogSettings,
  logger: BrokerLogger,
): Promise<PartitionLog> {
  await fsp.mkdir(directory, { recursive: true });
  const names = await fsp.readdir(directory);
  await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => fsp.rm(path.join(directory, n), { force: true })));
  const bases = names
    .map((n) => SEGMENT_FILE.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const producers = new ProducerSequenceCache();
  await restoreProducerState(directory, producers);
  const label = `${topic}-${partition}`;
  const segments: LogSegment[] = [];
  for (let i = 0; i < bases.length; i++) {
    const isLast = i === bases.length - 1;
    const segment = await loadSegment(directory, bases[i], settings, producers, label, logger);
    const previous = segments[segments.length - 1];
    if (previous !== undefined && segment.baseOffset < previous.nextOffset) {
      throw new Error(`${label}: segment ${segment.baseOffset} overlaps the previous one (ends ${previous.nextOffset})`);
    }
    if (segment.size === 0 && !isLast) {
      await segment.delete();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0) {
    segments.push(await LogSegment.create(directory, 0, settings.indexIntervalBytes));
    await syncDirectory(directory);
  } else {
    await segments[segments.length - 1].openForAppend();
  }
  return new PartitionLog(topic, partition, directory, segments, producers, settings, logger);
}

async function loadSegment(
  directory: string,
  baseOffset: number,
  settings: LogSettings,
  producers: ProducerSequenceCache,
  label: string,
  logger: BrokerLogger,
): Promise<LogSegment> {
  const logPath = path.join(directory, segmentFileName(baseOffset, 'log'));
  const indexPath = path.join(directory, segmentFileName(baseOffset, 'index'));
  const stat = await fsp.stat(logPath);
  const saved = await fsp
    .readFile(indexPath)
    .then((bytes) => SegmentIndex.deserialize(bytes, settings.indexIntervalBytes))
    .catch(() => null);
  if (saved !== null && saved.coveredBytes === stat.size) {
    return new LogSegment(directory, baseOffset, saved.index, {
      nextOffset: saved.nextOffset,
      size: stat.size,
      largestTimestamp: saved.largestTimestamp,
    });
  }
  await fsp.rm(indexPath, { force: true });
  const fd = await openFile(logPath, 'r+');
  try {
    const size = await fileSize(fd);
    const scan = await scanSegment(fd, size, baseOffset, settings.indexIntervalBytes, stat.mtimeMs, (header) => {
      if (header.producerId < 0) return;
      const entry = {
        epoch: header.producerEpoch,
        baseSequence: header.baseSequence,
        lastSequence: header.baseSequence + header.lastOffsetDelta,
        baseOffset: header.baseOffset,
        written: settled,
      };
      producers.remember(header.producerId, entry, Date.now());
    });
    if (scan.validBytes < size) {
      logger.warn(
        `${label}: segment ${baseOffset} has a ${scan.problem} tail at byte ${scan.validBytes}; ` +
          `truncated ${size - scan.validBytes} bytes`,
      );
      await truncateFile(fd, scan.validBytes);
    }
    return new LogSegment(directory, baseOffset, scan.index, {
      nextOffset: scan.nextOffset,
      size: scan.validBytes,
      largestTimestamp: scan.largestTimestamp,
    });
  } finally {
    await closeFile(fd);
  }
}

async function restoreProducerState(directory: string, producers: ProducerSequenceCache): Promise<void> {
  const text = await fsp.readFile(path.join(directory, PRODUCER_STATE_FILE), 'utf8').catch(() => null);
  if (text === null) return;
  try {
    producers.restore(JSON.parse(text) as ProducerSnapshot);
  } catch {
    // A damaged snapshot only costs duplicate detection across this restart.
  }
}
