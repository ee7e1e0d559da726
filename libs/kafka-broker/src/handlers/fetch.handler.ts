import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { BrokerContext } from '../server/broker-context';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';
import type { PartitionLog, PartitionRead } from '../storage/partition-log';

interface RequestedPartition {
  partition: number;
  offset: number;
  maxBytes: number;
  log: PartitionLog | undefined;
}

interface RequestedTopic {
  name: string;
  partitions: RequestedPartition[];
}

interface FetchPlan {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: RequestedTopic[];
}

const UNKNOWN: PartitionRead = {
  error: ErrorCode.UnknownTopicOrPartition,
  highWatermark: -1,
  logStartOffset: -1,
  records: Buffer.alloc(0),
};

/**
 * Fetch v4 with long polling: answers as soon as min_bytes are readable across the requested
 * partitions, on any error, or when max_wait expires; appends wake it. The response mirrors
 * the request (every requested entry, nothing else) and carries whole stored batches: the
 * first one always whole (KIP-74), later ones only while they fit the byte limits.
 */
export class FetchHandler implements RequestHandler {
  readonly apiKey = ApiKey.Fetch;
  readonly minVersion = 4;
  readonly maxVersion = 4;

  constructor(private readonly broker: BrokerContext) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const plan = await this.decode(request);
    const deadline = Date.now() + plan.maxWaitMs;
    const logs = plan.topics.flatMap((t) => t.partitions.map((p) => p.log)).filter((l): l is PartitionLog => !!l);
    for (;;) {
      const watermarks = logs.map((log) => log.highWatermark);
      const expired = Date.now() >= deadline || this.broker.stopping() || request.connectionClosed.aborted;
      if (expired || needsAnswer(plan)) {
        const reads = await this.collect(plan);
        const bytes = reads.flat().reduce((sum, r) => sum + r.records.length, 0);
        const failed = reads.flat().some((r) => r.error !== ErrorCode.None);
        if (expired || failed || bytes >= plan.minBytes) return encode(plan, reads);
      }
      if (logs.some((log, i) => log.highWatermark !== watermarks[i])) continue;
      await waitForChange(logs, deadline - Date.now(), request.connectionClosed);
    }
  }

  private async decode(request: KafkaRequest): Promise<FetchPlan> {
    const { body } = request;
    body.int32(); // replica_id: always a consumer here
    const maxWaitMs = Math.max(0, body.int32());
    const minBytes = body.int32();
    const maxBytes = body.int32();
    body.int8(); // isolation level: nothing is ever uncommitted
    const raw = body.array((r) => ({
      name: r.string(),
      partitions: r.array((p) => ({ partition: p.int32(), offset: p.int64AsNumber(), maxBytes: p.int32() })),
    }));
    const topics = await Promise.all(
      raw.map(async ({ name, partitions }) => {
        const topic = this.broker.topics.get(name) ?? (await this.broker.topics.resolve(name));
        return { name, partitions: partitions.map((p) => ({ ...p, log: topic?.partition(p.partition) })) };
      }),
    );
    return { maxWaitMs, minBytes, maxBytes, topics };
  }

  /** Reads every requested partition in request order within the response byte budget. */
  private async collect(plan: FetchPlan): Promise<PartitionRead[][]> {
    let remaining = plan.maxBytes;
    let included = 0;
    const reads: PartitionRead[][] = [];
    for (const topic of plan.topics) {
      const topicReads: PartitionRead[] = [];
      for (const requested of topic.partitions) {
        if (requested.log === undefined) {
          topicReads.push(UNKNOWN);
          continue;
        }
        const read = await requested.log.read(requested.offset, {
          maxBytes: Math.max(0, Math.min(requested.maxBytes, remaining)),
          firstBatchLimit: included === 0 ? Number.POSITIVE_INFINITY : Math.max(0, remaining),
        });
        included += read.records.length;
        remaining -= read.records.length;
        topicReads.push(read);
      }
      reads.push(topicReads);
    }
    return reads;
  }
}

/** Whether reading now could produce an answer: an error to report or enough bytes. */
function needsAnswer(plan: FetchPlan): boolean {
  if (plan.minBytes <= 0) return true;
  let available = 0;
  for (const topic of plan.topics) {
    for (const { log, offset } of topic.partitions) {
      if (log === undefined || offset < log.logStartOffset || offset > log.highWatermark) return true;
      available += log.bytesAvailableFrom(offset);
    }
  }
  return available >= plan.minBytes;
}

function waitForChange(logs: PartitionLog[], timeoutMs: number, closed: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      closed.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, timeoutMs));
    const unsubscribes = logs.map((log) => log.onChange(done));
    closed.addEventListener('abort', done, { once: true });
  });
}

function encode(plan: FetchPlan, reads: PartitionRead[][]): Buffer[] {
  const writer = new KafkaWriter().int32(0).int32(plan.topics.length);
  plan.topics.forEach((topic, t) => {
    writer.string(topic.name).int32(topic.partitions.length);
    topic.partitions.forEach((requested, p) => {
      const read = reads[t][p];
      const highWatermark = read.error === ErrorCode.None ? read.highWatermark : -1;
      // last_stable_offset = high watermark: nothing is ever in an open transaction.
      writer.int32(requested.partition).int16(read.error).int64(highWatermark).int64(highWatermark);
      writer.int32(0).bytes(read.records);
    });
  });
  return writer.finish();
}
