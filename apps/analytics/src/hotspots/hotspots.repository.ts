import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { childCodeLength } from '../regions/region-codes';
import type { DayRange } from '../stats/date-range';

/** A term's mentions (petitions whose title carries it) in the period and the one before. */
export interface TermCount {
  term: string;
  current: number;
  previous: number;
}

/** A term's mentions in the period by region (one level below the filter) and by category. */
export interface TermBreakdown {
  term: string;
  kind: 'region' | 'category';
  value: string;
  n: number;
}

/**
 * Where a filter is answered: the daily term aggregate for the city or a district, the
 * per-petition terms below that. Both expose (day, term, category, region, n).
 */
function source(regionCode: string | undefined, maxAggregatedLength = 6): string {
  if (!regionCode || regionCode.length <= maxAggregatedLength)
    return `(SELECT day, term, category_code, district_code AS region, n FROM daily_terms)`;
  return `(SELECT day, term, category_code, left(region_code, ${childCodeLength(regionCode)}) AS region, 1 AS n FROM petition_terms)`;
}

/** Term counts for hotspot ranking. */
@Injectable()
export class HotspotsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async counts(
    range: DayRange,
    previous: DayRange,
    regionCode: string | undefined,
    categoryCode: string | undefined,
  ): Promise<TermCount[]> {
    return this.ds.query(
      `SELECT term, (sum(n) FILTER (WHERE day >= $2))::int AS current, COALESCE(sum(n) FILTER (WHERE day < $2), 0)::int AS previous
       FROM ${source(regionCode)} s
       WHERE day BETWEEN $1 AND $3 AND region LIKE $4 AND ($5::text IS NULL OR category_code = $5 OR category_code LIKE $5 || '.%')
       GROUP BY term HAVING sum(n) FILTER (WHERE day >= $2) > 0`,
      [previous.from, range.from, range.to, `${regionCode ?? ''}%`, categoryCode ?? null],
    );
  }

  async breakdown(
    range: DayRange,
    regionCode: string | undefined,
    categoryCode: string | undefined,
    terms: string[],
  ): Promise<TermBreakdown[]> {
    if (terms.length === 0) return [];
    // The aggregate knows districts only: inside a district, streets come from the per-petition terms.
    const from = source(regionCode, 4);
    return this.ds.query(
      `SELECT term, kind, value, n FROM (
         SELECT term, 'region' AS kind, region AS value, sum(n)::int AS n FROM ${from} s
         WHERE day BETWEEN $1 AND $2 AND region LIKE $3 AND ($4::text IS NULL OR category_code = $4 OR category_code LIKE $4 || '.%') AND term = ANY($5)
         GROUP BY 1, 3
         UNION ALL
         SELECT term, 'category', category_code, sum(n)::int FROM ${from} s
         WHERE day BETWEEN $1 AND $2 AND region LIKE $3 AND ($4::text IS NULL OR category_code = $4 OR category_code LIKE $4 || '.%') AND term = ANY($5)
         GROUP BY 1, 3) x
       ORDER BY term, kind, n DESC, value`,
      [range.from, range.to, `${regionCode ?? ''}%`, categoryCode ?? null, terms],
    );
  }
}
