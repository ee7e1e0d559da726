import { promises as fsp } from 'node:fs';
import type { BrokerOptions, RunningBroker } from './broker-options';
import { BrokerMaintenance } from './broker-maintenance';
import { resolveBrokerConfig } from './config/broker-config';
import type { BrokerConfig } from './config/broker-config';
import { GroupCoordinator } from './group/group-coordinator';
import { createDispatcher } from './handlers/register-handlers';
import type { BrokerContext } from './server/broker-context';
import { BrokerServer } from './server/broker-server';
import { loadClusterId } from './storage/cluster-identity';
import { DataDirLock } from './storage/data-dir-lock';
import { OffsetStore } from './storage/offset-store';
import { ProducerIdAllocator } from './storage/producer-id-allocator';
import { TopicRegistry } from './storage/topic-registry';

interface Storage {
  clusterId: string;
  topics: TopicRegistry;
  offsets: OffsetStore;
  producerIds: ProducerIdAllocator;
}

/**
 * Starts a single-node broker that speaks the Kafka wire protocol (the versions kafkajs 2.x
 * negotiates), recovering any data already in `dataDir`.
 * @returns the running broker; call stop() to shut it down cleanly
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const config = resolveBrokerConfig(options);
  await fsp.mkdir(config.dataDir, { recursive: true });
  const lock = await DataDirLock.acquire(config.dataDir);
  let storage: Storage | undefined;
  try {
    storage = await openStorage(config);
    return await serve(config, storage, lock);
  } catch (error) {
    await storage?.topics.closeAll().catch(() => undefined);
    await storage?.offsets.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
}

async function openStorage(config: BrokerConfig): Promise<Storage> {
  const clusterId = await loadClusterId(config.dataDir);
  const topics = await TopicRegistry.open(config);
  const offsets = await OffsetStore.open(config);
  const producerIds = await ProducerIdAllocator.open(config.dataDir);
  topics.onDeleted((name) => {
    offsets.deleteTopic(name).catch((error: Error) => config.logger.error(`forgetting offsets of ${name}: ${error.message}`));
  });
  return { clusterId, topics, offsets, producerIds };
}

async function serve(config: BrokerConfig, storage: Storage, lock: DataDirLock): Promise<RunningBroker> {
  const { topics, offsets } = storage;
  const coordinator = new GroupCoordinator(offsets, topics, config.logger);
  let boundPort = 0;
  let stopping = false;
  const context: BrokerContext = {
    ...storage,
    config,
    coordinator,
    advertisedPort: () => boundPort,
    stopping: () => stopping,
  };
  const server = new BrokerServer(createDispatcher(context), config);
  try {
    boundPort = await server.listen();
  } catch (error) {
    coordinator.stop();
    throw error;
  }
  const maintenance = new BrokerMaintenance(config, topics, offsets);
  maintenance.start();
  const address = `${config.advertisedHost}:${boundPort}`;
  config.logger.info(`listening on ${address} (data dir ${config.dataDir}, ${topics.list().length} topic(s) recovered)`);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      await server.close();
      coordinator.stop();
      await maintenance.stop();
      await topics.closeAll();
      await offsets.close();
      await lock.release();
      config.logger.info(`stopped (${address})`);
    })();
    return stopped;
  };
  return { host: config.advertisedHost, port: boundPort, address, dataDir: config.dataDir, nodeId: config.nodeId, stop };
}
