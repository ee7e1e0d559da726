import type { ApiKey } from '../protocol/api-key';
import { ErrorCode } from '../protocol/error-code';
import { KafkaWriter } from '../protocol/kafka-writer';
import type { RequestHandler } from './request-handler';

/** Maps API keys to their handlers and knows what to advertise in ApiVersions. */
export class RequestDispatcher {
  private readonly handlers = new Map<number, RequestHandler>();

  register(handler: RequestHandler): this {
    this.handlers.set(handler.apiKey, handler);
    return this;
  }

  handlerFor(apiKey: number): RequestHandler | undefined {
    return this.handlers.get(apiKey);
  }

  /** Every served key with its version range, sorted by key. */
  advertised(): Array<{ apiKey: ApiKey; minVersion: number; maxVersion: number }> {
    return [...this.handlers.values()]
      .map(({ apiKey, minVersion, maxVersion }) => ({ apiKey, minVersion, maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }

  /**
   * The answer to an ApiVersions version this broker does not speak: the v0 layout with
   * UNSUPPORTED_VERSION and the full list, so the client can retry with a version it shares.
   */
  unsupportedApiVersionsResponse(): Buffer[] {
    return new KafkaWriter()
      .int16(ErrorCode.UnsupportedVersion)
      .array(this.advertised(), (w, api) => w.int16(api.apiKey).int16(api.minVersion).int16(api.maxVersion))
      .finish();
  }
}
