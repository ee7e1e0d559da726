import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** ListGroups v1: groups with members or committed offsets. */
export class ListGroupsHandler implements RequestHandler {
  readonly apiKey = ApiKey.ListGroups;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(_request: KafkaRequest): Promise<Buffer[]> {
    return new KafkaWriter()
      .int32(0)
      .int16(ErrorCode.None)
      .array(this.broker.coordinator.list(), (w, g) => w.string(g.groupId).string(g.protocolType))
      .finish();
  }
}
