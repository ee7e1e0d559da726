import { FrameTooLargeError } from './frame-too-large.error';

/**
 * Splits a TCP byte stream into Kafka frames (int32 size + payload). A frame that lies within
 * one socket chunk is returned as a view of that chunk; only frames spanning chunks are copied.
 */
export class FrameDecoder {
  private readonly chunks: Buffer[] = [];
  private headOffset = 0;
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /**
   * Takes the next complete frame payload (without the size prefix).
   * @returns the payload, or null until more bytes arrive
   * @throws FrameTooLargeError when the announced size is negative or above the limit
   */
  next(): Buffer | null {
    if (this.buffered < 4) return null;
    const size = this.peekSize();
    if (size < 0 || size > this.maxFrameBytes) throw new FrameTooLargeError(size, this.maxFrameBytes);
    if (this.buffered < 4 + size) return null;
    this.skip(4);
    return this.take(size);
  }

  private peekSize(): number {
    const head = this.chunks[0];
    if (head.length - this.headOffset >= 4) return head.readInt32BE(this.headOffset);
    const prefix = Buffer.allocUnsafe(4);
    this.copyOut(prefix, 4);
    return prefix.readInt32BE(0);
  }

  private take(size: number): Buffer {
    const head = this.chunks[0];
    if (head !== undefined && head.length - this.headOffset >= size) {
      const frame = head.subarray(this.headOffset, this.headOffset + size);
      this.skip(size);
      return frame;
    }
    const frame = Buffer.allocUnsafe(size);
    this.copyOut(frame, size);
    this.skip(size);
    return frame;
  }

  /** Copies the first `length` buffered bytes into `target` without consuming them. */
  private copyOut(target: Buffer, length: number): void {
    let written = 0;
    let offset = this.headOffset;
    for (const chunk of this.chunks) {
      const n = Math.min(length - written, chunk.length - offset);
      chunk.copy(target, written, offset, offset + n);
      written += n;
      offset = 0;
      if (written === length) return;
    }
  }

  private skip(length: number): void {
    this.buffered -= length;
    let left = length;
    while (left > 0) {
      const head = this.chunks[0];
      const available = head.length - this.headOffset;
      if (available > left) {
        this.headOffset += left;
        return;
      }
      left -= available;
      this.chunks.shift();
      this.headOffset = 0;
    }
  }
}
