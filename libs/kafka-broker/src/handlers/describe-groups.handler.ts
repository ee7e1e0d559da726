import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** DescribeGroups v1: unknown groups are `Dead` with no members, as in Kafka. */
export class DescribeGroupsHandler implements RequestHandler {
  readonly apiKey = ApiKey.DescribeGroups;
  readonly minVersion = 1;
  readonly maxVersion = 1;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const groups = request.body.array((r) => r.string()).map((id) => this.broker.coordinator.describe(id));
    return new KafkaWriter()
      .int32(0)
      .array(groups, (w, g) => {
        w.int16(ErrorCode.None).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
        w.array(g.members, (mw, m) => mw.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment));
      })
      .finish();
  }
}
