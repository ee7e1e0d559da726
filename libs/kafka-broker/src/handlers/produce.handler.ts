import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import { checkBatch, readBatchHeader } from '../protocol/record-batch';
import type { BatchHeader } from '../protocol/record-batch';
import type { BrokerContext } from '../server/broker-context';
import { ConnectionCloseError } from '../server/connection-close.error';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';
import { PartitionUnavailableError } from '../storage/partition-unavailable.error';
import type { Topic } from '../storage/topic';

interface PartitionAnswer {
  partition: number;
  errorCode: ErrorCode;
  baseOffset: number;
}

type Validation = { headers: BatchHeader[] } | { errorCode: ErrorCode };

/**
 * Produce v3. Batches are validated by header and CRC only (never decompressed), get their
 * offsets by rewriting baseOffset, and are stored as sent. acks 1 and -1 answer once the data
 * is written (single node: the leader's log is the whole ISR); acks 0 gets no response.
 */
export class ProduceHandler implements RequestHandler {
  readonly apiKey = ApiKey.Produce;
  readonly minVersion = 3;
  readonly maxVersion = 3;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[] | null> {
    const { body } = request;
    const transactionalId = body.nullableString();
    const acks = body.int16();
    body.int32(); // timeout: nothing to wait for on a single node
    const topics = body.array((r) => ({
      name: r.string(),
      partitions: r.array((p) => ({ partition: p.int32(), records: p.nullableBytes() })),
    }));
    const refusal =
      acks !== 0 && acks !== 1 && acks !== -1
        ? ErrorCode.InvalidRequiredAcks
        : transactionalId !== null
          ? ErrorCode.TransactionalIdAuthorizationFailed
          : ErrorCode.None;
    const now = Date.now();
    const answers = topics.map(({ name, partitions }) => {
      const topic = this.broker.topics.get(name);
      return {
        name,
        partitions: partitions.map(({ partition, records }) =>
          refusal !== ErrorCode.None
            ? Promise.resolve({ partition, errorCode: refusal, baseOffset: -1 })
            : this.appendTo(topic, name, partition, records, now),
        ),
      };
    });
    const settled = await Promise.all(answers.map(async ({ name, partitions }) => ({ name, partitions: await Promise.all(partitions) })));
    if (acks === 0) {
      const failed = settled.flatMap((t) => t.partitions).find((p) => p.errorCode !== ErrorCode.None);
      if (failed !== undefined) throw new ConnectionCloseError(`acks=0 produce failed with error ${failed.errorCode}`);
      return null;
    }
    return new KafkaWriter()
      .array(settled, (w, topic) => {
        w.string(topic.name).array(topic.partitions, (pw, p) => pw.int32(p.partition).int16(p.errorCode).int64(p.baseOffset).int64(-1));
      })
      .int32(0)
      .finish();
  }

  private async appendTo(
    known: Topic | undefined,
    name: string,
    partition: number,
    records: Buffer | null,
    now: number,
  ): Promise<PartitionAnswer> {
    const fail = (errorCode: ErrorCode): PartitionAnswer => ({ partition, errorCode, baseOffset: -1 });
    // Appends to a topic whose auto-creation is still in flight wait for it.
    const topic = known ?? (await this.broker.topics.resolve(name));
    const log = topic?.partition(partition);
    if (topic === undefined || log === undefined) return fail(ErrorCode.UnknownTopicOrPartition);
    const validation = validate(records, topic.config.maxMessageBytes);
    if ('errorCode' in validation) return fail(validation.errorCode);
    try {
      const result = log.append(records as Buffer, validation.headers, now);
      await result.written;
      return { partition, errorCode: ErrorCode.None, baseOffset: result.baseOffset };
    } catch (error) {
      if (error instanceof PartitionUnavailableError) return fail(error.errorCode);
      return fail(ErrorCode.KafkaStorageError);
    }
  }
}

/** Splits a records blob into sound v2 batches, or names the error for the partition. */
function validate(records: Buffer | null, maxMessageBytes: number): Validation {
  if (records === null || records.length === 0) return { errorCode: ErrorCode.CorruptMessage };
  const headers: BatchHeader[] = [];
  for (let position = 0; position < records.length;) {
    const problem = checkBatch(records, position);
    if (problem === 'bad-magic') return { errorCode: ErrorCode.UnsupportedForMessageFormat };
    if (problem !== null) return { errorCode: ErrorCode.CorruptMessage };
    const header = readBatchHeader(records, position);
    if (header.transactional) return { errorCode: ErrorCode.TransactionalIdAuthorizationFailed };
    if (header.control || header.lastOffsetDelta < 0 || header.recordCount < 0) {
      return { errorCode: ErrorCode.CorruptMessage };
    }
    if (header.size > maxMessageBytes) return { errorCode: ErrorCode.MessageTooLarge };
    headers.push(header);
    position += header.size;
  }
  return { headers };
}
