import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** LeaveGroup v1: removes the member at once and rebalances the rest. */
export class LeaveGroupHandler implements RequestHandler {
  readonly apiKey = ApiKey.LeaveGroup;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const groupId = request.body.string();
    const memberId = request.body.string();
    const errorCode = this.broker.coordinator.leave(groupId, memberId);
    return new KafkaWriter().int32(0).int16(errorCode).finish();
  }
}
