import { MalformedRequestError } from './malformed-request.error';

/**
 * Decodes the classic (non-flexible) Kafka primitives from one request body.
 * Every read is bounds-checked so a malformed or hostile frame ends in a
 * MalformedRequestError instead of reading garbage or allocating absurd arrays.
 */
export class KafkaReader {
  private position: number;

  constructor(
    private readonly buffer: Buffer,
    start = 0,
  ) {
    this.position = start;
  }

  get offset(): number {
    return this.position;
  }

  remaining(): number {
    return this.buffer.length - this.position;
  }

  int8(): number {
    this.need(1);
    return this.buffer.readInt8(this.position++);
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2);
    const value = this.buffer.readInt16BE(this.position);
    this.position += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.buffer.readInt32BE(this.position);
    this.position += 4;
    return value;
  }

  int64(): bigint {
    this.need(8);
    const value = this.buffer.readBigInt64BE(this.position);
    this.position += 8;
    return value;
  }

  /** An int64 the broker keeps as a Number (offsets, timestamps): exact below 2^53. */
  int64AsNumber(): number {
    return Number(this.int64());
  }

  nullableString(): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < -1) throw new MalformedRequestError(`invalid string length ${length}`);
    this.need(length);
    const value = this.buffer.toString('utf8', this.position, this.position + length);
    this.position += length;
    return value;
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new MalformedRequestError('unexpected null string');
    return value;
  }

  /** Returns a view into the request buffer, not a copy. */
  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length === -1) return null;
    if (length < -1) throw new MalformedRequestError(`invalid bytes length ${length}`);
    this.need(length);
    const value = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  /** A -1 count decodes as null ("all" in Metadata and OffsetFetch). */
  nullableArray<T>(readItem: (reader: KafkaReader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    // Every element takes at least one byte, so a larger count can only be a lie.
    if (count < -1 || count > this.remaining()) {
      throw new MalformedRequestError(`invalid array length ${count}`);
    }
    const items = new Array<T>(count);
    for (let i = 0; i < count; i++) items[i] = readItem(this);
    return items;
  }

  array<T>(readItem: (reader: KafkaReader) => T): T[] {
    return this.nullableArray(readItem) ?? [];
  }

  private need(bytes: number): void {
    if (this.position + bytes > this.buffer.length) {
      throw new MalformedRequestError(`request truncated: needed ${bytes} bytes at ${this.position} of ${this.buffer.length}`);
    }
  }
}
