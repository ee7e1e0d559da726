import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** DeleteTopics v1: removes topics, their data and the groups' offsets for them. */
export class DeleteTopicsHandler implements RequestHandler {
  readonly apiKey = ApiKey.DeleteTopics;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const names = request.body.array((r) => r.string());
    request.body.int32(); // timeout: deletion completes before the response
    const results = await Promise.all(
      [...new Set(names)].map(async (name) => ({
        name,
        errorCode: (await this.broker.topics.delete(name)) ? ErrorCode.None : ErrorCode.UnknownTopicOrPartition,
      })),
    );
    return new KafkaWriter()
      .int32(0)
      .array(results, (w, r) => w.string(r.name).int16(r.errorCode))
      .finish();
  }
}
