import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';
import type { Topic } from '../storage/topic';
import { topicNameProblem } from '../storage/topic-name';

interface TopicAnswer {
  name: string;
  errorCode: ErrorCode;
  topic?: Topic;
}

/**
 * Metadata v4. A null topic list means every topic and never creates one; named unknown
 * topics are created when the request allows it. Topics still being created are awaited,
 * never listed half-made, because kafkajs rejects the whole response on any topic error.
 */
export class MetadataHandler implements RequestHandler {
  readonly apiKey = ApiKey.Metadata;
  readonly minVersion = 4;
  readonly maxVersion = 4;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const names = request.body.nullableArray((r) => r.string());
    const allowAutoCreation = request.body.boolean();
    const answers: TopicAnswer[] =
      names === null
        ? this.broker.topics.list().map((topic) => ({ name: topic.name, errorCode: ErrorCode.None, topic }))
        : await Promise.all([...new Set(names)].map((name) => this.answer(name, allowAutoCreation)));
    const { config } = this.broker;
    return new KafkaWriter()
      .int32(0)
      .array([config.nodeId], (w, nodeId) => w.int32(nodeId).string(config.advertisedHost).int32(this.broker.advertisedPort()).string(null))
      .string(this.broker.clusterId)
      .int32(config.nodeId)
      .array(answers, (w, answer) => {
        w.int16(answer.errorCode).string(answer.name).boolean(false);
        w.array(answer.topic?.partitions ?? [], (pw, log) => {
          pw.int16(ErrorCode.None).int32(log.partition).int32(config.nodeId);
          pw.array([config.nodeId], (rw, id) => rw.int32(id)).array([config.nodeId], (rw, id) => rw.int32(id));
        });
      })
      .finish();
  }

  private async answer(name: string, allowAutoCreation: boolean): Promise<TopicAnswer> {
    if (topicNameProblem(name) !== null) return { name, errorCode: ErrorCode.InvalidTopic };
    const { topics, config } = this.broker;
    const existing = await topics.resolve(name);
    if (existing !== undefined) return { name, errorCode: ErrorCode.None, topic: existing };
    if (!allowAutoCreation || !config.autoCreateTopics) return { name, errorCode: ErrorCode.UnknownTopicOrPartition };
    try {
      return { name, errorCode: ErrorCode.None, topic: await topics.getOrCreate(name) };
    } catch (error) {
      config.logger.error(`auto-creating topic ${name} failed: ${(error as Error).message}`);
      return { name, errorCode: ErrorCode.LeaderNotAvailable };
    }
  }
}
