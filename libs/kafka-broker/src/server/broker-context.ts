import type { BrokerConfig } from '../config/broker-config';
import type { GroupCoordinator } from '../group/group-coordinator';
import type { ProducerIdAllocator } from '../storage/producer-id-allocator';
import type { TopicRegistry } from '../storage/topic-registry';

/** What request handlers share: settings, storage and the group coordinator. */
export interface BrokerContext {
  config: BrokerConfig;
  clusterId: string;
  /** The port actually bound (known after listen), advertised in Metadata. */
  advertisedPort(): number;
  topics: TopicRegistry;
  coordinator: GroupCoordinator;
  producerIds: ProducerIdAllocator;
  /** True once stop() began: long polls return at once. */
  stopping(): boolean;
}
