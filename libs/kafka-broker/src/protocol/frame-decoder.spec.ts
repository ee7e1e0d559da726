import { FrameDecoder } from './frame-decoder';
import { FrameTooLargeError } from './frame-too-large.error';

function frame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function drain(decoder: FrameDecoder): string[] {
  const frames: string[] = [];
  for (let f = decoder.next(); f !== null; f = decoder.next()) frames.push(f.toString());
  return frames;
}

describe('FrameDecoder', () => {
  it('splits several frames arriving in one chunk', () => {
    const decoder = new FrameDecoder(1024);
    decoder.push(Buffer.concat([frame('one'), frame('two'), frame('')]));
    expect(drain(decoder)).toEqual(['one', 'two', '']);
  });

  it('reassembles frames and size prefixes split across chunks, byte by byte', () => {
    const decoder = new FrameDecoder(1024);
    const bytes = Buffer.concat([frame('hello'), frame('world!')]);
    const frames: string[] = [];
    for (const byte of bytes) {
      decoder.push(Buffer.from([byte]));
      frames.push(...drain(decoder));
    }
    expect(frames).toEqual(['hello', 'world!']);
  });

  it('returns a view, not a copy, when a frame lies within one chunk', () => {
    const decoder = new FrameDecoder(1024);
    const chunk = frame('abc');
    decoder.push(chunk);
    const result = decoder.next() as Buffer;
    expect(result.buffer).toBe(chunk.buffer);
  });

  it('refuses absurd and negative sizes before buffering them', () => {
    const tooLarge = new FrameDecoder(100);
    tooLarge.push(Buffer.from([0, 0, 0, 101]));
    expect(() => tooLarge.next()).toThrow(FrameTooLargeError);
    const negative = new FrameDecoder(100);
    negative.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(() => negative.next()).toThrow(FrameTooLargeError);
  });
});
