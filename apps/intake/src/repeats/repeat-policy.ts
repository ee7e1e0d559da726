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
  /**
   * Whether the petitioner's identity was taken down by the bureau's staff or the 12345 hotline
   * (`source` staff or hotline). An online submission is never verified: anyone can type anyone's
   * phone or ID number into the portal, and a clerk sorting it judges the matter, not the sender.
   * Only verified petitions are linked to or refused against automatically (docs/window.md, Repeats).
   */
  verified: boolean;
}

/** An earlier petition that looks like the same matter, for a clerk to confirm or dismiss. */
export interface SimilarPetition {
  candidate: RepeatCandidate;
  similarity: number;
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
 * concluded one (refused, Art. 36). The most similar candidate wins. Only verified candidates
 * count: an unverified online submission made with someone else's phone must never swallow that
 * person's genuine petition; such a match is for a clerk to confirm ({@link similarPetitions}).
 */
export function judgeRepeat(terms: readonly string[], candidates: readonly RepeatCandidate[]): RepeatVerdict {
  const best = similarPetitions(
    terms,
    candidates.filter((c) => c.verified),
  )[0];
  if (!best) return { kind: 'new' };
  const { candidate: original, similarity } = best;
  return CONCLUDED.has(original.status) ? { kind: 'refuse', original, similarity } : { kind: 'link', original, similarity };
}

/**
 * Every candidate, verified or not, that reads as the same matter (matters intake ended itself
 * aside), most similar first: what a clerk is shown to decide a repeat by hand.
 */
export function similarPetitions(terms: readonly string[], candidates: readonly RepeatCandidate[]): SimilarPetition[] {
  const out: SimilarPetition[] = [];
  for (const candidate of candidates) {
    if (ENDED.has(candidate.status)) continue;
    const { same, similarity } = isSameMatter(terms, candidate.terms);
    if (same) out.push({ candidate, similarity: Math.round(similarity * 1000) / 1000 });
  }
  // Stable: among equals the earlier candidate (the snapshot's newest first) stays first.
  return out.sort((a, b) => b.similarity - a.similarity);
}
