import { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { RequestDispatcher } from '../server/request-dispatcher';
import type { KafkaRequest, RequestHandler } from '../server/request-handler';

/** ApiVersions v0–2: the first request kafkajs sends; lists each key at the one version served. */
export class ApiVersionsHandler implements RequestHandler {
  readonly apiKey = ApiKey.ApiVersions;
  readonly minVersion = 0;
  readonly maxVersion = 2;

  constructor(private readonly dispatcher: RequestDispatcher) {}

  async handle(request: KafkaRequest): Promise<Buffer[]> {
    const writer = new KafkaWriter()
      .int16(ErrorCode.None)
      .array(this.dispatcher.advertised(), (w, api) => w.int16(api.apiKey).int16(api.minVersion).int16(api.maxVersion));
    // v1+ carries throttle_time_ms at the end.
    if (request.header.apiVersion >= 1) writer.int32(0);
    return writer.finish();
  }
}
