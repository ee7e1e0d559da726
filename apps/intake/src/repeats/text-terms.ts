import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * @node-rs/jieba v2 starts with an empty dictionary: `new Jieba()` would cut Chinese into single
 * characters. The bundled dictionary is loaded explicitly with `Jieba.withDict(dict)`, once per
 * process (it takes ~200 ms).
 */
let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words that say nothing about which matter it is (petition boilerplate and function words). */
const STOPWORDS = new Set(
  '的 了 和 与 及 或 是 在 有 我 我们 你 他 她 它 他们 这 那 这个 那个 就 都 也 还 又 被 把 给 对 向 从 到 为 因为 所以 但是 而且 如果 已经 一直 没有 不 很 非常 多次 问题 情况 反映 请求 要求 希望 恳请 请 尽快 有关 部门 相关 政府 领导 处理 解决 帮助 帮忙 一下 今天 现在 目前 之前 以来 本人 市民 群众 居民 我家 我们家 谢谢 感谢 仍然 依然 至今 再次 一个 一些 什么 怎么 为何 为什么 能否 是否 进行 造成 导致 影响 严重'.split(
    ' ',
  ),
);

/** Meaningful terms of a text: segmented words of two or more characters, minus stopwords, digits and punctuation. */
export function textTerms(text: string): string[] {
  const words = segmenter().cut(text.normalize('NFKC'), false);
  const out = new Set<string>();
  for (const w of words) {
    const t = w.trim().toLowerCase();
    if ([...t].length < 2 || STOPWORDS.has(t) || /^[\d\p{P}\p{S}\s]+$/u.test(t)) continue;
    out.add(t);
  }
  return [...out];
}

/** Character bigrams of the terms, so a reworded compound (积水/水浸, 排水管/排水管道) still overlaps. */
function bigrams(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of terms) {
    const chars = [...t];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Similarity of two matters (0–1): the mean of the Dice overlap of their terms and of their
 * terms' character bigrams. Order-free, so a reworded petition that keeps the substance scores high.
 */
export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  return (dice(new Set(a), new Set(b)) + dice(bigrams(a), bigrams(b))) / 2;
}
