import * as path from 'node:path';
import type { BrokerConfig } from '../config/broker-config';
import { JournalFile } from './journal-file';

/** A committed position: the next offset the group will read, plus client metadata. */
export interface CommittedOffset {
  offset: bigint;
  metadata: string | null;
}

/** One partition's commit inside an OffsetCommit. */
export interface OffsetCommitEntry extends CommittedOffset {
  topic: string;
  partition: number;
}

type JournalRecord =
  | { commit: string; offsets: Array<[topic: string, partition: number, offset: string, metadata: string | null]> }
  | { deleteGroup: string }
  | { deleteTopic: string };

const COMPACT_MIN_BYTES = 1024 * 1024;

/**
 * Committed consumer-group offsets: in memory for reads, persisted as a journal of commits
 * (the broker's stand-in for __consumer_offsets). Values are stored verbatim, negatives
 * included. The journal is compacted to one record per group when it grows.
 */
export class OffsetStore {
  private readonly groups = new Map<string, Map<string, Map<number, CommittedOffset>>>();
  private compactedBytes = 0;
  private compacting = false;

  private constructor(private readonly journal: JournalFile) {}

  /** Loads `<dataDir>/offsets/commits.journal`, replaying every sound record. */
  static async open(config: BrokerConfig): Promise<OffsetStore> {
    const file = path.join(config.dataDir, 'offsets', 'commits.journal');
    const { journal, payloads, truncatedBytes } = await JournalFile.open(file, config.fsyncMode === 'always');
    if (truncatedBytes > 0) config.logger.warn(`offset journal: truncated a torn tail of ${truncatedBytes} bytes`);
    const store = new OffsetStore(journal);
    for (const payload of payloads) store.apply(JSON.parse(payload.toString('utf8')) as JournalRecord);
    store.compactedBytes = journal.sizeBytes;
    return store;
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.groups.get(group)?.get(topic)?.get(partition);
  }

  /** Every committed partition of a group, grouped by topic. */
  groupOffsets(group: string): Array<{ topic: string; partitions: Array<{ partition: number } & CommittedOffset> }> {
    const topics = this.groups.get(group);
    if (topics === undefined) return [];
    return [...topics].map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].map(([partition, committed]) => ({ partition, ...committed })),
    }));
  }

  hasOffsets(group: string): boolean {
    return this.groups.has(group);
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /**
   * Applies commits at once (later reads see them) and persists them.
   * @returns resolves when the commit is written (synced under fsync 'always')
   */
  commit(group: string, entries: OffsetCommitEntry[]): Promise<void> {
    const record: JournalRecord = {
      commit: group,
      offsets: entries.map((e) => [e.topic, e.partition, e.offset.toString(), e.metadata]),
    };
    return this.persist(record);
  }

  deleteGroup(group: string): Promise<void> {
    return this.persist({ deleteGroup: group });
  }

  /** Forgets a deleted topic's offsets in every group, as Kafka does. */
  deleteTopic(topic: string): Promise<void> {
    return this.persist({ deleteTopic: topic });
  }

  sync(): Promise<void> {
    return this.journal.sync();
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  private async persist(record: JournalRecord): Promise<void> {
    this.apply(record);
    await this.journal.append([Buffer.from(JSON.stringify(record))]);
    if (!this.compacting && this.journal.sizeBytes > Math.max(COMPACT_MIN_BYTES, 4 * this.compactedBytes)) {
      this.compacting = true;
      try {
        await this.journal.rewrite(() => this.snapshot());
        this.compactedBytes = this.journal.sizeBytes;
      } finally {
        this.compacting = false;
      }
    }
  }

  private snapshot(): Buffer[] {
    return [...this.groups.keys()].map((group) => {
      const record: JournalRecord = {
        commit: group,
        offsets: this.groupOffsets(group).flatMap(({ topic, partitions }) =>
          partitions.map((p): [string, number, string, string | null] => [topic, p.partition, p.offset.toString(), p.metadata]),
        ),
      };
      return Buffer.from(JSON.stringify(record));
    });
  }

  private apply(record: JournalRecord): void {
    if ('commit' in record) {
      let topics = this.groups.get(record.commit);
      if (topics === undefined) {
        topics = new Map();
        this.groups.set(record.commit, topics);
      }
      for (const [topic, partition, offset, metadata] of record.offsets) {
        let partitions = topics.get(topic);
        if (partitions === undefined) {
          partitions = new Map();
          topics.set(topic, partitions);
        }
        partitions.set(partition, { offset: BigInt(offset), metadata });
      }
    } else if ('deleteGroup' in record) {
      this.groups.delete(record.deleteGroup);
    } else {
      for (const [group, topics] of this.groups) {
        topics.delete(record.deleteTopic);
        if (topics.size === 0) this.groups.delete(group);
      }
    }
  }
}
