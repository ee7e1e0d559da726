import * as net from 'node:net';
import { FrameDecoder } from '../src/protocol/frame-decoder';
import { KafkaReader } from '../src/protocol/kafka-reader';
import { KafkaWriter } from '../src/protocol/kafka-writer';

/**
 * A bare Kafka protocol client for tests that need exact control over frames: it sends
 * hand-built requests (or raw bytes) and returns each response body by correlation id.
 */
export class RawKafkaClient {
  private readonly decoder = new FrameDecoder(200 * 1024 * 1024);
  private readonly waiting = new Map<number, (body: Buffer) => void>();
  private nextCorrelationId = 1;
  private closedFlag = false;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.decoder.push(chunk);
      for (let frame = this.decoder.next(); frame !== null; frame = this.decoder.next()) {
        const correlationId = frame.readInt32BE(0);
        this.waiting.get(correlationId)?.(frame.subarray(4));
        this.waiting.delete(correlationId);
      }
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.closedFlag = true;
        resolve();
      }),
    );
    socket.on('error', () => undefined);
  }

  static connect(address: string): Promise<RawKafkaClient> {
    const [host, port] = address.split(':');
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port: Number(port) }, () => resolve(new RawKafkaClient(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closedFlag;
  }

  /** Sends a request with header v1; resolves with the response body as a reader. */
  request(apiKey: number, apiVersion: number, body: (w: KafkaWriter) => void): Promise<KafkaReader> {
    const correlationId = this.nextCorrelationId++;
    const writer = new KafkaWriter().int16(apiKey).int16(apiVersion).int32(correlationId).string('raw-test');
    body(writer);
    const chunks = writer.finish();
    const size = Buffer.alloc(4);
    size.writeInt32BE(chunks.reduce((sum, c) => sum + c.length, 0));
    const response = new Promise<KafkaReader>((resolve) => this.waiting.set(correlationId, (b) => resolve(new KafkaReader(b))));
    this.socket.write(Buffer.concat([size, ...chunks]));
    return response;
  }

  /** Sends bytes exactly as given. */
  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}
