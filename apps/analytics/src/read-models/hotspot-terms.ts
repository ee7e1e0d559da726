import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** The bundled dictionary is loaded once per process (v2 starts empty and would cut into single characters). */
let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Words that say nothing about which problem it is: function words, petition boilerplate, and
 * generic nouns every petition title carries. Kept here (not shared with intake: apps never import
 * apps) and tuned for ranking problems, not for matching repeats.
 */
const STOPWORDS = new Set(
  (
    '的 了 和 与 及 或 是 在 有 我 我们 你 他 她 它 他们 这 那 这个 那个 就 都 也 还 又 被 把 给 对 向 从 到 为 因为 所以 但是 而且 如果 已经 一直 ' +
    '没有 不 很 非常 多次 问题 情况 反映 请求 要求 希望 恳请 请 尽快 有关 部门 相关 政府 领导 处理 解决 帮助 帮忙 一下 今天 现在 目前 之前 以来 ' +
    '本人 市民 群众 居民 我家 我们家 谢谢 感谢 仍然 依然 至今 再次 一个 一些 什么 怎么 为何 为什么 能否 是否 进行 造成 导致 影响 严重 关于 ' +
    '投诉 举报 咨询 建议 信访 事项 长期 经常 附近 周边 存在 未 无 需要 予以 落实 协调 要求 请求 申请'
  ).split(' '),
);

/**
 * The distinct meaningful terms of a petition title, in order of first appearance: segmented
 * words of two or more characters, minus stop words, numbers and punctuation.
 */
export function hotspotTerms(text: string): string[] {
  const out = new Set<string>();
  for (const word of segmenter().cut(text.normalize('NFKC'), false)) {
    const t = word.trim().toLowerCase();
    if ([...t].length < 2 || STOPWORDS.has(t) || /^[\d\p{P}\p{S}\s]+$/u.test(t)) continue;
    out.add(t);
  }
  return [...out].slice(0, 20);
}
