import { KafkaReader } from './kafka-reader';
import { KafkaWriter } from './kafka-writer';
import { MalformedRequestError } from './malformed-request.error';

describe('KafkaReader and KafkaWriter', () => {
  it('round-trip every primitive', () => {
    const big = Buffer.alloc(10_000, 7);
    const chunks = new KafkaWriter(8)
      .int8(-5)
      .boolean(true)
      .int16(-300)
      .int32(123456789)
      .int64(-9007199254740993n)
      .int64(42)
      .string('héllo 信访')
      .string(null)
      .bytes(Buffer.from([1, 2, 3]))
      .bytes(null)
      .bytes(big)
      .array(['a', 'b'], (w, s) => w.string(s))
      .finish();
    expect(chunks).toContain(big);
    const reader = new KafkaReader(Buffer.concat(chunks));
    expect(reader.int8()).toBe(-5);
    expect(reader.boolean()).toBe(true);
    expect(reader.int16()).toBe(-300);
    expect(reader.int32()).toBe(123456789);
    expect(reader.int64()).toBe(-9007199254740993n);
    expect(reader.int64AsNumber()).toBe(42);
    expect(reader.string()).toBe('héllo 信访');
    expect(reader.nullableString()).toBeNull();
    expect(reader.bytes()).toEqual(Buffer.from([1, 2, 3]));
    expect(reader.nullableBytes()).toBeNull();
    expect(reader.bytes().equals(big)).toBe(true);
    expect(reader.array((r) => r.string())).toEqual(['a', 'b']);
    expect(reader.remaining()).toBe(0);
  });

  it('decodes a -1 array as null', () => {
    const reader = new KafkaReader(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(reader.nullableArray((r) => r.int8())).toBeNull();
  });

  it('throws MalformedRequestError on truncated or lying input', () => {
    expect(() => new KafkaReader(Buffer.from([0, 1])).int32()).toThrow(MalformedRequestError);
    expect(() => new KafkaReader(Buffer.from([0, 9, 97])).string()).toThrow(MalformedRequestError);
    expect(() => new KafkaReader(Buffer.from([0x7f, 0, 0, 0, 1])).array((r) => r.int8())).toThrow(MalformedRequestError);
    expect(() => new KafkaReader(Buffer.from([0xff, 0xfe])).nullableString()).toThrow(MalformedRequestError);
    expect(() => new KafkaReader(Buffer.from([0xff, 0xff])).string()).toThrow(MalformedRequestError);
  });
});
