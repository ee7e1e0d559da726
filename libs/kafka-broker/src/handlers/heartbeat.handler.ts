import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** Heartbeat v1: keeps the session alive and tells members when to rejoin (27). */
export class HeartbeatHandler implements RequestHandler {
  readonly apiKey = ApiKey.Heartbeat;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    const groupId = body.string();
    const generationId = body.int32();
    const memberId = body.string();
    const errorCode = this.broker.coordinator.heartbeat(groupId, memberId, generationId);
    return new KafkaWriter().int32(0).int16(errorCode).finish();
  }
}
