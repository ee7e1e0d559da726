import { encodeBatch } from '../../test/record-batches';
import { assignBaseOffset, checkBatch, firstOffsetAtOrAfter, readBatchHeader } from './record-batch';

describe('record batch helpers', () => {
  it('reads the header fields of a kafkajs batch', async () => {
    const batch = await encodeBatch({ values: ['a', 'b', 'c'], producerId: 7, firstSequence: 12, timestamps: [100, 300, 200] });
    expect(checkBatch(batch, 0)).toBeNull();
    expect(readBatchHeader(batch, 0)).toMatchObject({
      size: batch.length,
      baseOffset: 0,
      lastOffsetDelta: 2,
      maxTimestamp: 300,
      producerId: 7,
      baseSequence: 12,
      recordCount: 3,
      transactional: false,
      control: false,
    });
  });

  it('keeps the CRC valid when the broker rewrites the base offset', async () => {
    const batch = await encodeBatch({ values: ['x'] });
    assignBaseOffset(batch, 0, 123_456_789_012);
    expect(checkBatch(batch, 0)).toBeNull();
    expect(readBatchHeader(batch, 0).baseOffset).toBe(123_456_789_012);
  });

  it('names what is wrong with a damaged batch', async () => {
    const batch = await encodeBatch({ values: ['payload'] });
    expect(checkBatch(batch.subarray(0, 40), 0)).toBe('truncated');
    expect(checkBatch(batch.subarray(0, batch.length - 1), 0)).toBe('truncated');
    const flipped = Buffer.from(batch);
    flipped[flipped.length - 2] ^= 1;
    expect(checkBatch(flipped, 0)).toBe('bad-crc');
    const oldMagic = Buffer.from(batch);
    oldMagic[16] = 1;
    expect(checkBatch(oldMagic, 0)).toBe('bad-magic');
    const shortLength = Buffer.from(batch);
    shortLength.writeInt32BE(10, 8);
    expect(checkBatch(shortLength, 0)).toBe('bad-length');
  });

  it('finds the first record at or after a timestamp in an uncompressed batch', async () => {
    const batch = await encodeBatch({ values: ['a', 'b', 'c', 'd'], timestamps: [1000, 2000, 3000, 4000] });
    assignBaseOffset(batch, 0, 50);
    expect(firstOffsetAtOrAfter(batch, 0, 500)).toBe(50);
    expect(firstOffsetAtOrAfter(batch, 0, 2500)).toBe(52);
    expect(firstOffsetAtOrAfter(batch, 0, 4000)).toBe(53);
  });
});
