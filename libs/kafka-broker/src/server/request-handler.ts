import type { ApiKey } from '../protocol/api-key';
import type { KafkaReader } from '../protocol/kafka-reader';
import type { RequestHeader } from '../protocol/request-header';

/** One decoded request frame, as a handler receives it. */
export interface KafkaRequest {
  header: RequestHeader;
  /** Positioned at the first byte of the body. */
  body: KafkaReader;
  /** Remote address of the connection (DescribeGroups client_host). */
  clientHost: string;
  /** Aborted when the connection closes, so held requests can give up. */
  connectionClosed: AbortSignal;
}

/**
 * Serves one API key at the versions it advertises. The synchronous part of `handle` runs in
 * arrival order per connection, so state changes keep request order even when responses are
 * held; the returned body (without the response header) or null (no response, acks=0) is
 * written once every earlier response on the connection has been.
 */
export interface RequestHandler {
  readonly apiKey: ApiKey;
  readonly minVersion: number;
  readonly maxVersion: number;
  handle(request: KafkaRequest): Promise<Buffer[] | null>;
}
