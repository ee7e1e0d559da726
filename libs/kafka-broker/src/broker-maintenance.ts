import type { BrokerConfig } from './config/broker-config';
import type { OffsetStore } from './storage/offset-store';
import type { TopicRegistry } from './storage/topic-registry';

/**
 * Background work: the interval fsync (when the policy is `{ intervalMs }`) and retention,
 * which deletes old segments and forgets idle idempotent producers. Runs never overlap.
 */
export class BrokerMaintenance {
  private readonly timers: NodeJS.Timeout[] = [];
  private syncing: Promise<void> | null = null;
  private retaining: Promise<void> | null = null;

  constructor(
    private readonly config: BrokerConfig,
    private readonly topics: TopicRegistry,
    private readonly offsets: OffsetStore,
  ) {}

  start(): void {
    if (this.config.fsyncMode === 'interval') {
      this.every(this.config.fsyncIntervalMs, () => {
        this.syncing ??= this.syncAll().finally(() => (this.syncing = null));
      });
    }
    this.every(this.config.retentionCheckIntervalMs, () => {
      this.retaining ??= this.enforceRetention().finally(() => (this.retaining = null));
    });
  }

  /** Stops the timers and waits for a run in progress. */
  async stop(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    await Promise.all([this.syncing, this.retaining]);
  }

  private every(intervalMs: number, run: () => void): void {
    const timer = setInterval(run, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * One file at a time: each fdatasync holds a libuv thread-pool thread (4 by default) for as
   * long as the disk takes, and syncing every partition at once would leave none for the
   * writes and reads that acknowledge producers and serve consumers.
   */
  private async syncAll(): Promise<void> {
    try {
      for (const topic of this.topics.list()) for (const log of topic.partitions) await log.sync();
      await this.offsets.sync();
    } catch (error) {
      this.config.logger.error(`background fsync failed: ${(error as Error).message}`);
    }
  }

  private async enforceRetention(): Promise<void> {
    const now = Date.now();
    for (const topic of this.topics.list()) {
      for (const log of topic.partitions) {
        log.producers.expire(now, this.config.producerIdleExpiryMs);
        if (topic.config.retainForever) continue;
        try {
          await log.enforceRetention(now, topic.config.retentionMs, topic.config.retentionBytes);
        } catch (error) {
          this.config.logger.error(`retention on ${topic.name}-${log.partition} failed: ${(error as Error).message}`);
        }
      }
    }
  }
}
