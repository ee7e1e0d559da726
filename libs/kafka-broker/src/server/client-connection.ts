import type { Socket } from 'node:net';
import type { BrokerConfig } from '../config/broker-config';
import { ApiKey, apiKeyName } from '../protocol/api-key';
import { FrameDecoder } from '../protocol/frame-decoder';
import { KafkaReader } from '../protocol/kafka-reader';
import { MalformedRequestError } from '../protocol/malformed-request.error';
import { readRequestHeader } from '../protocol/request-header';
import type { RequestHeader } from '../protocol/request-header';
import { ConnectionCloseError } from './connection-close.error';
import type { RequestDispatcher } from './request-dispatcher';

/** Reading pauses while this many responses are outstanding on one connection. */
const MAX_PENDING_RESPONSES = 1000;
/** ... or while this many response bytes wait in the socket's buffer. */
const MAX_BUFFERED_WRITE_BYTES = 32 * 1024 * 1024;

interface ResponseSlot {
  header: RequestHeader;
  startedAt: number;
  done: boolean;
  body: Buffer[] | null;
  error: Error | null;
}

/**
 * One client TCP connection. Frames are decoded and handed to their handler in arrival order;
 * responses are written strictly in request order, so a held JoinGroup, SyncGroup or Fetch
 * delays later responses on this socket only. Anything this connection does wrong (a malformed
 * frame, an unknown API key, an unsupported version) closes this connection alone.
 */
export class ClientConnection {
  private readonly decoder: FrameDecoder;
  private readonly slots: ResponseSlot[] = [];
  private readonly closed = new AbortController();
  private readonly clientHost: string;
  private closing = false;
  private paused = false;

  constructor(
    private readonly socket: Socket,
    private readonly dispatcher: RequestDispatcher,
    private readonly config: BrokerConfig,
    readonly id: number,
  ) {
    this.decoder = new FrameDecoder(config.maxFrameBytes);
    this.clientHost = socket.remoteAddress ?? '';
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', (error) => this.trace(`connection ${id}: ${error.message}`));
    socket.on('close', () => this.closed.abort());
  }

  /** Resolves when the socket has closed. */
  whenClosed(): Promise<void> {
    if (this.closed.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.closed.signal.addEventListener('abort', () => resolve(), { once: true }));
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    this.decoder.push(chunk);
    try {
      for (let frame = this.decoder.next(); frame !== null && !this.closing; frame = this.decoder.next()) {
        this.onFrame(frame);
      }
    } catch (error) {
      this.config.logger.warn(`connection ${this.id} from ${this.clientHost}: ${(error as Error).message}; closing it`);
      this.socket.destroy();
    }
  }

  private onFrame(frame: Buffer): void {
    const body = new KafkaReader(frame);
    let header: RequestHeader;
    try {
      header = readRequestHeader(body);
    } catch {
      this.refuse('a frame too short for a request header');
      return;
    }
    const handler = this.dispatcher.handlerFor(header.apiKey);
    if (handler === undefined) {
      this.refuse(`unsupported API key ${header.apiKey}`);
      return;
    }
    const supported = header.apiVersion >= handler.minVersion && header.apiVersion <= handler.maxVersion;
    if (!supported && header.apiKey !== ApiKey.ApiVersions) {
      this.refuse(`unsupported version ${header.apiVersion} of ${apiKeyName(header.apiKey)}`);
      return;
    }
    const slot: ResponseSlot = { header, startedAt: Date.now(), done: false, body: null, error: null };
    this.slots.push(slot);
    let pending: Promise<Buffer[] | null>;
    try {
      pending = supported
        ? handler.handle({ header, body, clientHost: this.clientHost, connectionClosed: this.closed.signal })
        : Promise.resolve(this.dispatcher.unsupportedApiVersionsResponse());
    } catch (error) {
      pending = Promise.reject(error as Error);
    }
    pending.then(
      (response) => this.complete(slot, response, null),
      (error: Error) => this.complete(slot, null, error),
    );
    if (this.slots.length >= MAX_PENDING_RESPONSES) this.pause();
  }

  private complete(slot: ResponseSlot, body: Buffer[] | null, error: Error | null): void {
    slot.done = true;
    slot.body = body;
    slot.error = error;
    this.flush();
  }

  private flush(): void {
    if (this.slots.length === 0 || !this.slots[0].done) return;
    this.socket.cork();
    while (this.slots.length > 0 && this.slots[0].done) {
      const slot = this.slots.shift() as ResponseSlot;
      const { apiKey, apiVersion, correlationId, clientId } = slot.header;
      if (slot.error !== null) {
        // After the socket is gone (client left, broker stopping) a failure has nobody to tell.
        if (this.socket.destroyed) {
          this.slots.length = 0;
          break;
        }
        const expected = slot.error instanceof MalformedRequestError || slot.error instanceof ConnectionCloseError;
        const log = expected ? this.config.logger.warn : this.config.logger.error;
        log.call(
          this.config.logger,
          `connection ${this.id}: ${apiKeyName(apiKey)} v${apiVersion} request: ${slot.error.message}; closing it`,
        );
        this.closing = true;
        this.slots.length = 0;
        this.socket.uncork();
        this.socket.destroy();
        return;
      }
      if (slot.body !== null && !this.socket.destroyed) this.writeResponse(correlationId, slot.body);
      this.trace(
        `${clientId ?? '-'} #${this.id} ${apiKeyName(apiKey)} v${apiVersion} corr=${correlationId} ` +
          `${Date.now() - slot.startedAt} ms${slot.body === null ? ' (no response)' : ''}`,
      );
    }
    this.socket.uncork();
    if (this.closing && this.slots.length === 0) this.endGracefully();
    this.maybeResume();
  }

  private writeResponse(correlationId: number, body: Buffer[]): void {
    const header = Buffer.allocUnsafe(8);
    const bodyBytes = body.reduce((sum, chunk) => sum + chunk.length, 0);
    header.writeInt32BE(bodyBytes + 4, 0);
    header.writeInt32BE(correlationId, 4);
    this.socket.write(header);
    for (const chunk of body) this.socket.write(chunk);
    if (this.socket.writableLength > MAX_BUFFERED_WRITE_BYTES) this.pause();
  }

  /** Stops reading, lets earlier responses go out, then closes (Kafka closes on such input). */
  private refuse(reason: string): void {
    this.config.logger.warn(`connection ${this.id} from ${this.clientHost}: ${reason}; closing it`);
    this.closing = true;
    this.socket.pause();
    if (this.slots.length === 0) this.endGracefully();
  }

  private endGracefully(): void {
    if (this.socket.writableEnded) return;
    this.socket.end(() => this.socket.destroy());
  }

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
  }

  private maybeResume(): void {
    if (!this.paused || this.closing) return;
    if (this.slots.length >= MAX_PENDING_RESPONSES / 2) return;
    if (this.socket.writableLength > MAX_BUFFERED_WRITE_BYTES / 2) return;
    this.paused = false;
    this.socket.resume();
  }

  private trace(message: string): void {
    if (!this.config.verbose) return;
    const logger = this.config.logger;
    if (logger.debug) logger.debug(message);
    else logger.info(message);
  }
}
