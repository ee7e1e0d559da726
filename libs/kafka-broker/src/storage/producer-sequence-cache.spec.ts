import { ProducerSequenceCache } from './producer-sequence-cache';

const written = Promise.resolve();

describe('ProducerSequenceCache', () => {
  it('recognises a retried batch and forgets all but the last five', () => {
    const cache = new ProducerSequenceCache();
    for (let i = 0; i < 7; i++) {
      cache.remember(9, { epoch: 0, baseSequence: i * 10, lastSequence: i * 10 + 9, baseOffset: i * 100, written }, 1000);
    }
    expect(cache.find(9, 0, 60, 69)?.baseOffset).toBe(600);
    expect(cache.find(9, 0, 20, 29)?.baseOffset).toBe(200);
    expect(cache.find(9, 0, 10, 19)).toBeUndefined();
    expect(cache.find(9, 1, 60, 69)).toBeUndefined();
    expect(cache.find(8, 0, 60, 69)).toBeUndefined();
  });

  it('survives a snapshot round trip and expires idle producers', () => {
    const cache = new ProducerSequenceCache();
    cache.remember(1, { epoch: 0, baseSequence: 0, lastSequence: 4, baseOffset: 10, written }, 1000);
    cache.remember(2, { epoch: 0, baseSequence: 0, lastSequence: 0, baseOffset: 11, written }, 5000);
    const restored = new ProducerSequenceCache();
    restored.restore(JSON.parse(JSON.stringify(cache.snapshot())));
    expect(restored.find(1, 0, 0, 4)?.baseOffset).toBe(10);
    restored.expire(6000, 2000);
    expect(restored.find(1, 0, 0, 4)).toBeUndefined();
    expect(restored.find(2, 0, 0, 0)?.baseOffset).toBe(11);
  });
});
