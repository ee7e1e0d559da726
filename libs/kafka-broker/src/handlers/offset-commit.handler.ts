import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** OffsetCommit v2: answered once the commit is persisted. retention_time is ignored. */
export class OffsetCommitHandler implements RequestHandler {
  readonly apiKey = ApiKey.OffsetCommit;
  readonly minVersion = 2;
  readonly maxVersion = 2;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    const groupId = body.string();
    const generationId = body.int32();
    const memberId = body.string();
    body.int64(); // retention_time
    const topics = body.array((r) => ({
      topic: r.string(),
      partitions: r.array((p) => ({ partition: p.int32(), offset: p.int64(), metadata: p.nullableString() })),
    }));
    const entries = topics.flatMap(({ topic, partitions }) => partitions.map((p) => ({ topic, ...p })));
    const outcomes = await this.broker.coordinator.commit(groupId, generationId, memberId, entries);
    let next = 0;
    return new KafkaWriter()
      .array(topics, (w, topic) => {
        w.string(topic.topic).array(topic.partitions, (pw, p) => pw.int32(p.partition).int16(outcomes[next++].errorCode));
      })
      .finish();
  }
}
