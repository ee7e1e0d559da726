import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/**
 * InitProducerId v1: a fresh producer id (epoch 0) for idempotent producers. Transactions are
 * not supported: a transactional id is refused with TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
 * which kafkajs reports at once instead of retrying.
 */
export class InitProducerIdHandler implements RequestHandler {
  readonly apiKey = ApiKey.InitProducerId;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const transactionalId = request.body.nullableString();
    request.body.int32(); // transaction timeout
    const writer = new KafkaWriter().int32(0);
    if (transactionalId !== null) {
      return writer.int16(ErrorCode.TransactionalIdAuthorizationFailed).int64(-1).int16(-1).finish();
    }
    const producerId = await this.broker.producerIds.allocate();
    return writer.int16(ErrorCode.None).int64(producerId).int16(0).finish();
  }
}
