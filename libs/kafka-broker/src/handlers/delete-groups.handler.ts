import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** DeleteGroups v1: NON_EMPTY_GROUP while members remain, GROUP_ID_NOT_FOUND when unknown. */
export class DeleteGroupsHandler implements RequestHandler {
  readonly apiKey = ApiKey.DeleteGroups;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const groupIds = request.body.array((r) => r.string());
    const results = await Promise.all(
      groupIds.map(async (groupId) => ({ groupId, errorCode: await this.broker.coordinator.delete(groupId) })),
    );
    return new KafkaWriter()
      .int32(0)
      .array(results, (w, r) => w.string(r.groupId).int16(r.errorCode))
      .finish();
  }
}
