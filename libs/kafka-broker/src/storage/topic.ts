import type { PartitionLog } from './partition-log';
import type { TopicConfig } from './topic-config';

/** A created topic: its partitions' logs and its settings. */
export class Topic {
  constructor(
    readonly name: string,
    readonly directory: string,
    readonly partitions: PartitionLog[],
    readonly config: TopicConfig,
  ) {}

  partition(index: number): PartitionLog | undefined {
    return this.partitions[index];
  }
}
