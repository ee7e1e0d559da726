const LARGE_CHUNK_BYTES = 4096;

/**
 * Encodes the classic Kafka primitives into a list of buffers. Large byte fields (record
 * sets, assignments) are attached as their own chunks instead of being copied, so a Fetch
 * response that carries megabytes of stored batches costs no extra copy before the socket.
 */
export class KafkaWriter {
  private readonly chunks: Buffer[] = [];
  private current: Buffer;
  private position = 0;
  private flushedBytes = 0;

  constructor(initialBytes = 256) {
    this.current = Buffer.allocUnsafe(initialBytes);
  }

  get byteLength(): number {
    return this.flushedBytes + this.position;
  }

  int8(value: number): this {
    this.ensure(1).current.writeInt8(value, this.position);
    this.position += 1;
    return this;
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int16(value: number): this {
    this.ensure(2).current.writeInt16BE(value, this.position);
    this.position += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4).current.writeInt32BE(value, this.position);
    this.position += 4;
    return this;
  }

  int64(value: bigint | number): this {
    this.ensure(8).current.writeBigInt64BE(typeof value === 'bigint' ? value : BigInt(value), this.position);
    this.position += 8;
    return this;
  }

  string(value: string | null): this {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value, 'utf8');
    this.int16(length);
    this.ensure(length).current.write(value, this.position, length, 'utf8');
    this.position += length;
    return this;
  }

  bytes(value: Buffer | null): this {
    if (value === null) return this.int32(-1);
    this.int32(value.length);
    return this.raw(value);
  }

  array<T>(items: readonly T[], writeItem: (writer: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** Appends bytes verbatim; big ones become their own chunk (no copy). */
  raw(value: Buffer): this {
    if (value.length >= LARGE_CHUNK_BYTES) {
      this.flushCurrent();
      this.chunks.push(value);
      this.flushedBytes += value.length;
      return this;
    }
    this.ensure(value.length);
    value.copy(this.current, this.position);
    this.position += value.length;
    return this;
  }

  /** The encoded bytes; the writer must not be used afterwards. */
  finish(): Buffer[] {
    this.flushCurrent();
    return this.chunks;
  }

  private ensure(bytes: number): this {
    if (this.position + bytes <= this.current.length) return this;
    if (this.position === 0) {
      this.current = Buffer.allocUnsafe(Math.max(bytes, this.current.length * 2));
      return this;
    }
    this.flushCurrent();
    this.current = Buffer.allocUnsafe(Math.max(bytes, 1024));
    return this;
  }

  private flushCurrent(): void {
    if (this.position === 0) return;
    this.chunks.push(this.current.subarray(0, this.position));
    this.flushedBytes += this.position;
    this.current = this.current.subarray(this.position);
    this.position = 0;
  }
}
