import { ApiKey } from '../protocol/api-key';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/**
 * JoinGroup v2. The response may be held for a whole rebalance; that delays only this
 * connection. Any session timeout is accepted (Kafka's 6 s floor would break short test
 * timeouts, and kafkajs treats INVALID_SESSION_TIMEOUT as fatal).
 */
export class JoinGroupHandler implements RequestHandler {
  readonly apiKey = ApiKey.JoinGroup;
  readonly minVersion = 2;
  readonly maxVersion = 2;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    const groupId = body.string();
    const sessionTimeoutMs = body.int32();
    const rebalanceTimeoutMs = body.int32();
    const memberId = body.string();
    const protocolType = body.string();
    // Copied: they outlive the request frame they arrived in.
    const protocols = body.array((r) => ({ name: r.string(), metadata: Buffer.from(r.bytes()) }));
    const result = await this.broker.coordinator.join(groupId, {
      memberId,
      clientId: request.header.clientId ?? '',
      clientHost: request.clientHost,
      sessionTimeoutMs,
      rebalanceTimeoutMs,
      protocolType,
      protocols,
    });
    return new KafkaWriter()
      .int32(0)
      .int16(result.errorCode)
      .int32(result.generationId)
      .string(result.protocol ?? '')
      .string(result.leaderId)
      .string(result.memberId)
      .array(result.members, (w, m) => w.string(m.memberId).bytes(m.metadata))
      .finish();
  }
}
