/** A frame header announced an absurd size; the connection is closed before buffering it. */
export class FrameTooLargeError extends Error {
  constructor(
    readonly announcedBytes: number,
    readonly limitBytes: number,
  ) {
    super(`frame of ${announcedBytes} bytes is outside 0..${limitBytes}`);
    this.name = 'FrameTooLargeError';
  }
}
