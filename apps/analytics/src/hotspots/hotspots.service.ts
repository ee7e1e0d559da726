import { Injectable } from '@nestjs/common';
import { changeRate, previousRange } from '../stats/date-range';
import { StatsService } from '../stats/stats.service';
import type { HotspotsQueryDto } from './dto/hotspots-query.dto';
import { HotspotsRepository, type TermBreakdown, type TermCount } from './hotspots.repository';

/** The weak-signal rule, stated in every response and in the README. */
export const WEAK_SIGNAL_RULE = {
  minMentions: 3,
  minGrowthRate: 1,
  description:
    '弱信号：不在强信号榜内，本期提及≥3件，且较上一等长周期增长≥100%（上期为0视为新出现）。' +
    ' Weak signal: not on the strong list, at least 3 mentions in the period, and at least +100% against the previous period of equal length (new when the previous period had none).',
} as const;

/** One ranked term. */
export interface Hotspot {
  term: string;
  mentions: number;
  previousMentions: number;
  /** Null when the previous period had none (the term is new). */
  growthRate: number | null;
  isNew: boolean;
  byRegion: Array<{ regionCode: string; mentions: number }>;
  byCategory: Array<{ categoryCode: string; mentions: number }>;
}

/**
 * Hotspots: terms of petition titles (segmented with jieba, stop words removed) counted per
 * petition, ranked by volume (strong signals) and by growth (weak signals).
 */
@Injectable()
export class HotspotsService {
  constructor(
    private readonly repository: HotspotsRepository,
    private readonly stats: StatsService,
  ) {}

  async hotspots(query: HotspotsQueryDto) {
    const range = this.stats.range(query);
    const previous = previousRange(range);
    const counts = await this.repository.counts(range, previous, query.regionCode, query.categoryCode);
    const { strong, weak } = rankSignals(counts, query.limit ?? 20);
    const breakdown = await this.repository.breakdown(
      range,
      query.regionCode,
      query.categoryCode,
      [...strong, ...weak].map((c) => c.term),
    );
    const view = (c: TermCount): Hotspot => toHotspot(c, breakdown);
    return {
      from: range.from,
      to: range.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      regionCode: query.regionCode ?? null,
      categoryCode: query.categoryCode ?? null,
      basis: 'terms of petition titles (jieba word segmentation, stop words removed); one mention per petition',
      weakSignalRule: WEAK_SIGNAL_RULE,
      strongSignals: strong.map(view),
      weakSignals: weak.map(view),
    };
  }
}

/** Strong: the most mentioned terms. Weak: the rest that are small but at least doubled (rule above). */
export function rankSignals(counts: TermCount[], limit: number): { strong: TermCount[]; weak: TermCount[] } {
  const strong = [...counts].sort((a, b) => b.current - a.current || a.term.localeCompare(b.term)).slice(0, limit);
  const onStrong = new Set(strong.map((c) => c.term));
  const weak = counts
    .filter(
      (c) =>
        !onStrong.has(c.term) &&
        c.current >= WEAK_SIGNAL_RULE.minMentions &&
        c.current >= c.previous * (1 + WEAK_SIGNAL_RULE.minGrowthRate),
    )
    .sort((a, b) => growthKey(b) - growthKey(a) || b.current - a.current || a.term.localeCompare(b.term))
    .slice(0, limit);
  return { strong, weak };
}

/** New terms rank first, then by growth rate. */
function growthKey(c: TermCount): number {
  return c.previous === 0 ? Number.MAX_SAFE_INTEGER - 1e6 + c.current : (c.current - c.previous) / c.previous;
}

function toHotspot(c: TermCount, breakdown: TermBreakdown[]): Hotspot {
  const mine = breakdown.filter((b) => b.term === c.term);
  return {
    term: c.term,
    mentions: c.current,
    previousMentions: c.previous,
    growthRate: changeRate(c.current, c.previous),
    isNew: c.previous === 0,
    byRegion: mine
      .filter((b) => b.kind === 'region')
      .slice(0, 10)
      .map((b) => ({ regionCode: b.value, mentions: b.n })),
    byCategory: mine
      .filter((b) => b.kind === 'category')
      .slice(0, 10)
      .map((b) => ({ categoryCode: b.value, mentions: b.n })),
  };
}
