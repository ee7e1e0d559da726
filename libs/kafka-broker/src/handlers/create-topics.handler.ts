import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';
import { InvalidTopicConfigError } from '../storage/invalid-topic-config.error';
import { resolveTopicConfig } from '../storage/topic-config';
import { topicNameProblem } from '../storage/topic-name';
import { TopicExistsError } from '../storage/topic-exists.error';

const MAX_PARTITIONS = 10_000;

interface TopicRequest {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  assignments: Array<{ partition: number; replicas: number[] }>;
  configs: Record<string, string | null>;
}

interface Outcome {
  name: string;
  errorCode: ErrorCode;
  message: string | null;
}

/**
 * CreateTopics v2. -1 partitions means the broker default. Any replication factor >= 1 is
 * accepted (there is one broker, and services configure 3 for production); an existing topic
 * answers TOPIC_ALREADY_EXISTS, which kafkajs turns into `createTopics() === false`.
 */
export class CreateTopicsHandler implements RequestHandler {
  readonly apiKey = ApiKey.CreateTopics;
  readonly minVersion = 2;
  readonly maxVersion = 2;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    const topics: TopicRequest[] = body.array((r) => ({
      name: r.string(),
      numPartitions: r.int32(),
      replicationFactor: r.int16(),
      assignments: r.array((a) => ({ partition: a.int32(), replicas: a.array((x) => x.int32()) })),
      configs: Object.fromEntries(r.array((c) => [c.string(), c.nullableString()] as const)),
    }));
    body.int32(); // timeout: creation completes before the response
    const validateOnly = body.boolean();
    const counts = new Map<string, number>();
    topics.forEach((t) => counts.set(t.name, (counts.get(t.name) ?? 0) + 1));
    const outcomes = await Promise.all(
      topics.map((topic) =>
        (counts.get(topic.name) ?? 0) > 1
          ? outcome(topic.name, ErrorCode.InvalidRequest, 'topic listed more than once')
          : this.create(topic, validateOnly),
      ),
    );
    return new KafkaWriter()
      .int32(0)
      .array(outcomes, (w, o) => w.string(o.name).int16(o.errorCode).string(o.message))
      .finish();
  }

  private async create(topic: TopicRequest, validateOnly: boolean): Promise<Outcome> {
    const problem = topicNameProblem(topic.name);
    if (problem !== null) return outcome(topic.name, ErrorCode.InvalidTopic, problem);
    const partitions = this.partitionCount(topic);
    if (typeof partitions !== 'number') return partitions;
    if (topic.replicationFactor === 0 || topic.replicationFactor < -1) {
      return outcome(topic.name, ErrorCode.InvalidReplicationFactor, 'replication factor must be -1 or at least 1');
    }
    try {
      resolveTopicConfig(topic.configs, this.broker.config);
    } catch (error) {
      if (error instanceof InvalidTopicConfigError) return outcome(topic.name, ErrorCode.InvalidConfig, error.message);
      throw error;
    }
    const { topics } = this.broker;
    if (topics.get(topic.name) !== undefined || (await topics.resolve(topic.name)) !== undefined) {
      return outcome(topic.name, ErrorCode.TopicAlreadyExists, `topic "${topic.name}" already exists`);
    }
    if (validateOnly) return outcome(topic.name, ErrorCode.None, null);
    try {
      await topics.create(topic.name, partitions, topic.configs);
      return outcome(topic.name, ErrorCode.None, null);
    } catch (error) {
      if (error instanceof TopicExistsError) return outcome(topic.name, ErrorCode.TopicAlreadyExists, error.message);
      throw error;
    }
  }

  private partitionCount(topic: TopicRequest): number | Outcome {
    if (topic.assignments.length > 0) {
      if (topic.numPartitions !== -1) {
        return outcome(topic.name, ErrorCode.InvalidRequest, 'give either num_partitions or replica assignments');
      }
      const ids = topic.assignments.map((a) => a.partition).sort((a, b) => a - b);
      if (ids.some((id, i) => id !== i)) {
        return outcome(topic.name, ErrorCode.InvalidReplicaAssignment, 'assigned partitions must be 0..n-1');
      }
      return ids.length;
    }
    const count = topic.numPartitions === -1 ? this.broker.config.defaultPartitions : topic.numPartitions;
    if (count < 1 || count > MAX_PARTITIONS) {
      return outcome(topic.name, ErrorCode.InvalidPartitions, `partitions must be 1..${MAX_PARTITIONS}`);
    }
    return count;
  }
}

function outcome(name: string, errorCode: ErrorCode, message: string | null): Outcome {
  return { name, errorCode, message };
}
