import { PetitionStatus } from '@petition/contracts';
import { termSimilarity } from './text-terms';

/**
 * Similarity at or above which two petitions of the same petitioner, category and district are
 * the same matter. Chosen on the labelled set (apps/intake/bench/repeat-fixtures.ts) by
 * apps/intake/bench/repeat-eval.ts; see repeat-detector.spec.ts for the precision and recall it keeps.
 */
export const REPEAT_SIMILARITY_THRESHOLD = 0.2;

/** An earlier petition the detector compares against. */
export interface RepeatCandidate {
  id: string;
  trackingNo: string;
  status: PetitionStatus;
  terms: string[];
}

/** What to do with a new petition of the same petitioner. */
export type RepeatVerdict =
  | { kind: 'new' }
  | { kind: 'link'; original: RepeatCandidate; similarity: number }
  | { kind: 'refuse'; original: RepeatCandidate; similarity: number };

/** States after which the matter is legally over: the same matter again is refused (条例 Art. 36). */
const CONCLUDED: ReadonlySet<PetitionStatus> = new Set([PetitionStatus.Concluded]);
/** States where intake itself ended the matter (informed, forwarded, refused): a new petition starts afresh. */
const ENDED: ReadonlySet<PetitionStatus> = new Set([PetitionStatus.Ended]);

/** True when the texts' terms describe the same matter. */
export function isSameMatter(
  a: readonly string[],
  b: readonly string[],
  threshold = REPEAT_SIMILARITY_THRESHOLD,
): { same: boolean; similarity: number } {
  const similarity = termSimilarity(a, b);
  return { same: similarity >= threshold, similarity };
}

/**
 * Decides between a new matter, a repeat of an open one (linked, 条例 Art. 19) and a repeat of a
 * concluded one (refused, Art. 36). The most similar candidate wins.
 */
export function judgeRepeat(terms: readonly string[], candidates: readonly RepeatCandidate[]): RepeatVerdict {
  let best: { c: RepeatCandidate; similarity: number } | null = null;
  for (const c of candidates) {
    if (ENDED.has(c.status)) continue;
    const { same, similarity } = isSameMatter(terms, c.terms);
    if (same && (!best || similarity > best.similarity)) best = { c, similarity };
  }
  if (!best) return { kind: 'new' };
  const similarity = Math.round(best.similarity * 1000) / 1000;
  return CONCLUDED.has(best.c.status) ? { kind: 'refuse', original: best.c, similarity } : { kind: 'link', original: best.c, similarity };
}
