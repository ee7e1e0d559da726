import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/**
 * FindCoordinator v1: this single broker coordinates every group. Transaction coordinators
 * are answered the same way; transactions are refused later, at InitProducerId.
 */
export class FindCoordinatorHandler implements RequestHandler {
  readonly apiKey = ApiKey.FindCoordinator;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    request.body.string(); // key
    const keyType = request.body.int8();
    const { config } = this.broker;
    const errorCode = keyType === 0 || keyType === 1 ? ErrorCode.None : ErrorCode.InvalidRequest;
    return new KafkaWriter()
      .int32(0)
      .int16(errorCode)
      .string(errorCode === ErrorCode.None ? null : `unknown coordinator key type ${keyType}`)
      .int32(config.nodeId)
      .string(config.advertisedHost)
      .int32(this.broker.advertisedPort())
      .finish();
  }
}
