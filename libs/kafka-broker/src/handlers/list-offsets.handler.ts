import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

const LATEST = -1;
const EARLIEST = -2;

/**
 * ListOffsets v2: -1 is the high watermark, -2 the log start offset (which retention moves),
 * any other value the first offset with a timestamp at or after it (-1 when none is).
 * The returned timestamp is -1: record timestamps are not decoded.
 */
export class ListOffsetsHandler implements RequestHandler {
  readonly apiKey = ApiKey.ListOffsets;
  readonly minVersion = 2;
  readonly maxVersion = 2;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const { body } = request;
    body.int32(); // replica_id
    body.int8(); // isolation level
    const topics = body.array((r) => ({
      name: r.string(),
      partitions: r.array((p) => ({ partition: p.int32(), timestamp: p.int64AsNumber() })),
    }));
    const answers = await Promise.all(
      topics.map(async ({ name, partitions }) => {
        const topic = this.broker.topics.get(name);
        return {
          name,
          partitions: await Promise.all(
            partitions.map(async ({ partition, timestamp }) => {
              const log = topic?.partition(partition);
              if (log === undefined) return { partition, errorCode: ErrorCode.UnknownTopicOrPartition, offset: -1 };
              const offset =
                timestamp === LATEST
                  ? log.highWatermark
                  : timestamp === EARLIEST
                    ? log.logStartOffset
                    : await log.offsetForTimestamp(timestamp);
              return { partition, errorCode: ErrorCode.None, offset };
            }),
          ),
        };
      }),
    );
    return new KafkaWriter()
      .int32(0)
      .array(answers, (w, topic) => {
        w.string(topic.name).array(topic.partitions, (pw, p) => pw.int32(p.partition).int16(p.errorCode).int64(-1).int64(p.offset));
      })
      .finish();
  }
}
