import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** OffsetFetch v2: -1 where nothing is committed; a null topic list returns everything committed. */
export class OffsetFetchHandler implements RequestHandler {
  readonly apiKey = ApiKey.OffsetFetch;
  readonly minVersion = 2;
  readonly maxVersion = 2;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const groupId = request.body.string();
    const topics = request.body.nullableArray((r) => ({ topic: r.string(), partitions: r.array((p) => p.int32()) }));
    const answers = this.broker.coordinator.fetchOffsets(groupId, topics);
    return new KafkaWriter()
      .array(answers, (w, topic) => {
        w.string(topic.topic).array(topic.partitions, (pw, p) =>
          pw.int32(p.partition).int64(p.offset).string(p.metadata).int16(ErrorCode.None),
        );
      })
      .int16(ErrorCode.None)
      .finish();
  }
}
