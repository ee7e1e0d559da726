import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { BrokerConfig } from '../config/broker-config';
import { syncDirectory, writeFileAtomic } from './file-io';
import { openPartitionLog } from './partition-log-loader';
import type { LogSettings } from './partition-log';
import { Topic } from './topic';
import { resolveTopicConfig } from './topic-config';
import { TopicExistsError } from './topic-exists.error';

const TOPIC_FILE = 'topic.json';
const CREATING_PREFIX = '.creating-';
const DELETING_PREFIX = '.deleting-';

interface TopicFile {
  name: string;
  partitions: number;
  config: Record<string, string | null>;
  createdAt: string;
}

/**
 * All topics of the broker. A topic directory is named `<name>-<random id>` and assembled under
 * a `.creating-` name, then renamed into place, so a crash never leaves a half-created topic;
 * until creation completes the topic is invisible to Metadata (callers await it instead).
 */
export class TopicRegistry {
  private readonly topics = new Map<string, Topic>();
  private readonly creating = new Map<string, Promise<Topic>>();
  private readonly deletionListeners: Array<(name: string) => void> = [];

  private constructor(
    private readonly root: string,
    private readonly config: BrokerConfig,
  ) {}

  /** Loads every topic under `<dataDir>/topics`, recovering each partition. */
  static async open(config: BrokerConfig): Promise<TopicRegistry> {
    const registry = new TopicRegistry(path.join(config.dataDir, 'topics'), config);
    await fsp.mkdir(registry.root, { recursive: true });
    for (const entry of await fsp.readdir(registry.root)) {
      const directory = path.join(registry.root, entry);
      if (entry.startsWith(CREATING_PREFIX) || entry.startsWith(DELETING_PREFIX)) {
        await fsp.rm(directory, { recursive: true, force: true });
        continue;
      }
      await registry.load(directory);
    }
    return registry;
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  /** The topic, waiting for it if it is being created right now. */
  async resolve(name: string): Promise<Topic | undefined> {
    return this.topics.get(name) ?? (await this.creating.get(name)?.catch(() => undefined));
  }

  /** Fully created topics, by name. */
  list(): Topic[] {
    return [...this.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  onDeleted(listener: (name: string) => void): void {
    this.deletionListeners.push(listener);
  }

  /**
   * Creates a topic (name and config must already be validated).
   * @throws TopicExistsError when it exists or another creation is in flight
   */
  async create(name: string, partitions: number, entries: Record<string, string | null>): Promise<Topic> {
    if (this.topics.has(name) || this.creating.has(name)) throw new TopicExistsError(name);
    return this.track(name, this.build(name, partitions, entries));
  }

  /** Auto-creation: joins an in-flight creation of the same name instead of failing. */
  async getOrCreate(name: string): Promise<Topic> {
    const existing = this.topics.get(name) ?? this.creating.get(name);
    if (existing !== undefined) return existing;
    return this.track(name, this.build(name, this.config.defaultPartitions, {}));
  }

  /**
   * Deletes a topic: hides it at once, flushes and closes its partitions, removes its files.
   * @returns false when no such topic exists
   */
  async delete(name: string): Promise<boolean> {
    const topic = this.topics.get(name);
    if (topic === undefined) return false;
    this.topics.delete(name);
    // Offsets go first: a topic re-created under this name must not inherit them.
    this.deletionListeners.forEach((listener) => listener(name));
    await Promise.all(topic.partitions.map((p) => p.close({ forDeletion: true })));
    const doomed = path.join(this.root, `${DELETING_PREFIX}${path.basename(topic.directory)}`);
    await fsp.rename(topic.directory, doomed);
    await syncDirectory(this.root);
    await fsp.rm(doomed, { recursive: true, force: true });
    this.config.logger.info(`deleted topic ${name}`);
    return true;
  }

  /** Flushes and seals every partition (clean shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.creating.values()].map((p) => p.catch(() => undefined)));
    await Promise.all(this.list().flatMap((t) => t.partitions.map((p) => p.close({ forDeletion: false }))));
  }

  private async track(name: string, creation: Promise<Topic>): Promise<Topic> {
    this.creating.set(name, creation);
    try {
      const topic = await creation;
      this.topics.set(name, topic);
      return topic;
    } finally {
      this.creating.delete(name);
    }
  }

  private async build(name: string, partitions: number, entries: Record<string, string | null>): Promise<Topic> {
    // Validates the entries before anything touches the disk.
    resolveTopicConfig(entries, this.config);
    const id = randomBytes(4).toString('hex');
    const staging = path.join(this.root, `${CREATING_PREFIX}${id}`);
    const directory = path.join(this.root, `${name.slice(0, 200)}-${id}`);
    await fsp.mkdir(staging);
    for (let p = 0; p < partitions; p++) await fsp.mkdir(path.join(staging, String(p)));
    const file: TopicFile = { name, partitions, config: entries, createdAt: new Date().toISOString() };
    await writeFileAtomic(path.join(staging, TOPIC_FILE), JSON.stringify(file, null, 2));
    await fsp.rename(staging, directory);
    await syncDirectory(this.root);
    const topic = await this.openTopic(file, directory);
    this.config.logger.info(`created topic ${name} with ${partitions} partition(s)`);
    return topic;
  }

  private async load(directory: string): Promise<void> {
    const text = await fsp.readFile(path.join(directory, TOPIC_FILE), 'utf8').catch(() => null);
    if (text === null) {
      this.config.logger.warn(`ignoring ${directory}: no ${TOPIC_FILE}`);
      return;
    }
    const file = JSON.parse(text) as TopicFile;
    if (this.topics.has(file.name)) {
      this.config.logger.warn(`ignoring ${directory}: topic ${file.name} is already loaded`);
      return;
    }
    this.topics.set(file.name, await this.openTopic(file, directory));
  }

  private async openTopic(file: TopicFile, directory: string): Promise<Topic> {
    const topicConfig = resolveTopicConfig(file.config, this.config);
    const settings: LogSettings = {
      segmentBytes: topicConfig.segmentBytes,
      indexIntervalBytes: Math.min(4096, Math.max(64, Math.floor(topicConfig.segmentBytes / 16))),
      fsyncAlways: this.config.fsyncMode === 'always',
    };
    const logs = [];
    for (let p = 0; p < file.partitions; p++) {
      logs.push(await openPartitionLog(file.name, p, path.join(directory, String(p)), settings, this.config.logger));
    }
    return new Topic(file.name, directory, logs, topicConfig);
  }
}
