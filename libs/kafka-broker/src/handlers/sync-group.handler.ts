import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** SyncGroup v1: the leader's assignments, passed to each member byte for byte. */
export class SyncGroupHandler implements RequestHandler {
  readonly apiKey = ApiKey.SyncGroup;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    const groupId = body.string();
    const generationId = body.int32();
    const memberId = body.string();
    const assignments = new Map<string, Buffer>();
    body.array((r) => assignments.set(r.string(), Buffer.from(r.bytes())));
    const result = await this.broker.coordinator.sync(groupId, memberId, generationId, assignments);
    return new KafkaWriter().int32(0).int16(result.errorCode).bytes(result.assignment).finish();
  }
}
