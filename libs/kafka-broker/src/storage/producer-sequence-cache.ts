/** One remembered batch of an idempotent producer. */
export interface SequenceEntry {
  epoch: number;
  baseSequence: number;
  lastSequence: number;
  baseOffset: number;
  /** Settles when the original append is on disk (or failed). */
  written: Promise<void>;
}

interface ProducerState {
  entries: SequenceEntry[];
  lastSeenMs: number;
}

/** JSON shape of the snapshot saved on clean shutdown. */
export type ProducerSnapshot = Array<[producerId: number, lastSeenMs: number, entries: number[][]]>;

/** Kafka also keeps the last five batches per producer and partition. */
const ENTRIES_PER_PRODUCER = 5;
const settled = Promise.resolve();

/**
 * Duplicate detection for idempotent producers on one partition: a retried batch with the same
 * (producerId, epoch, baseSequence) as a recent one is answered with the original base offset
 * instead of being appended twice. Sequence gaps are not enforced, because kafkajs treats
 * OUT_OF_ORDER_SEQUENCE_NUMBER as fatal.
 */
export class ProducerSequenceCache {
  private readonly producers = new Map<number, ProducerState>();

  find(producerId: number, epoch: number, baseSequence: number, lastSequence: number): SequenceEntry | undefined {
    return this.producers
      .get(producerId)
      ?.entries.find((e) => e.epoch === epoch && e.baseSequence === baseSequence && e.lastSequence === lastSequence);
  }

  remember(producerId: number, entry: SequenceEntry, nowMs: number): void {
    let state = this.producers.get(producerId);
    if (state === undefined) {
      state = { entries: [], lastSeenMs: nowMs };
      this.producers.set(producerId, state);
    }
    state.lastSeenMs = nowMs;
    if (this.find(producerId, entry.epoch, entry.baseSequence, entry.lastSequence) !== undefined) return;
    state.entries.push(entry);
    if (state.entries.length > ENTRIES_PER_PRODUCER) state.entries.shift();
  }

  /** Forgets producers idle for longer than `idleMs`. */
  expire(nowMs: number, idleMs: number): void {
    for (const [producerId, state] of this.producers) {
      if (nowMs - state.lastSeenMs > idleMs) this.producers.delete(producerId);
    }
  }

  snapshot(): ProducerSnapshot {
    return [...this.producers].map(([producerId, state]) => [
      producerId,
      state.lastSeenMs,
      state.entries.map((e) => [e.epoch, e.baseSequence, e.lastSequence, e.baseOffset]),
    ]);
  }

  restore(snapshot: ProducerSnapshot): void {
    for (const [producerId, lastSeenMs, entries] of snapshot) {
      for (const [epoch, baseSequence, lastSequence, baseOffset] of entries) {
        this.remember(producerId, { epoch, baseSequence, lastSequence, baseOffset, written: settled }, lastSeenMs);
      }
    }
  }
}
