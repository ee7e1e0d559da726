import { SegmentIndex } from './segment-index';

describe('SegmentIndex', () => {
  function filled(): SegmentIndex {
    const index = new SegmentIndex(100);
    // Batches of 40 bytes, 2 offsets each: an entry every third batch (120 bytes).
    for (let i = 0; i < 30; i++) index.onBatch(i * 2, i * 40, 1000 + i);
    return index;
  }

  it('keeps an entry at least every interval and finds the floor position', () => {
    const index = filled();
    expect(index.entryCount).toBe(10);
    expect(index.floorPosition(0)).toBe(0);
    expect(index.floorPosition(5)).toBe(0);
    expect(index.floorPosition(6)).toBe(120);
    expect(index.floorPosition(59)).toBe(1080);
    expect(new SegmentIndex(100).floorPosition(10)).toBe(0);
  });

  it('locates the first stretch holding a timestamp', () => {
    const index = filled();
    expect(index.positionForTimestamp(0)).toBe(0);
    expect(index.positionForTimestamp(1004)).toBe(120);
    expect(index.positionForTimestamp(1029)).toBe(1080);
    expect(index.positionForTimestamp(5000)).toBe(-1);
  });

  it('round-trips through its file form and rejects damaged files', () => {
    const bytes = filled().serialize(1200, 60, 1029);
    const saved = SegmentIndex.deserialize(bytes, 100);
    expect(saved).toMatchObject({ coveredBytes: 1200, nextOffset: 60, largestTimestamp: 1029 });
    expect(saved?.index.floorPosition(59)).toBe(1080);
    const damaged = Buffer.from(bytes);
    damaged[50] ^= 1;
    expect(SegmentIndex.deserialize(damaged, 100)).toBeNull();
    expect(SegmentIndex.deserialize(bytes.subarray(0, bytes.length - 1), 100)).toBeNull();
    expect(SegmentIndex.deserialize(Buffer.from('not an index at all, clearly not'), 100)).toBeNull();
  });
});
