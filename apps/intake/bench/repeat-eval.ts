/**
 * Precision and recall of the repeat detector on the labelled pairs, at the configured threshold
 * and across a sweep. Run: node -r @swc-node/register apps/intake/bench/repeat-eval.ts
 */
import { REPEAT_SIMILARITY_THRESHOLD, isSameMatter } from '../src/repeats/repeat-policy';
import { textTerms } from '../src/repeats/text-terms';
import { labelledPairs } from './repeat-fixtures';

/** Confusion counts and rates of the detector on the labelled set at `threshold`. */
export function evaluateRepeats(threshold = REPEAT_SIMILARITY_THRESHOLD): {
  pairs: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
} {
  const pairs = labelledPairs();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const { same } = isSameMatter(textTerms(p.a), textTerms(p.b), threshold);
    if (same && p.same) tp++;
    else if (same && !p.same) fp++;
    else if (!same && p.same) fn++;
  }
  return {
    pairs: pairs.length,
    positives: pairs.filter((p) => p.same).length,
    tp,
    fp,
    fn,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
  };
}

if (require.main === module) {
  const at = evaluateRepeats();
  process.stdout.write(
    `labelled pairs: ${at.pairs} (${at.positives} same matter)\nthreshold ${REPEAT_SIMILARITY_THRESHOLD}: precision ${at.precision.toFixed(3)}, recall ${at.recall.toFixed(3)} (tp ${at.tp}, fp ${at.fp}, fn ${at.fn})\n`,
  );
  for (let t = 0.1; t <= 0.61; t += 0.05) {
    const r = evaluateRepeats(t);
    process.stdout.write(`  threshold ${t.toFixed(2)}: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)}\n`);
  }
}
