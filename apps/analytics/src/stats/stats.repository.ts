import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { childCodeLength } from '../regions/region-codes';
import { shanghaiDay, type DayRange } from './date-range';
import { histogramPercentile } from './duration-histogram';
import type { GroupBy, VolumeDimension } from './dto/stats-query.dto';

/** One cell of a volume table: a period bucket × a dimension value. */
export interface VolumeRow {
  bucket: string;
  value: string;
  n: number;
  collective: number;
  emergency: number;
  repeats: number;
}

const BUCKET: Record<GroupBy, string> = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(day, 'IYYY-"W"IW')`,
  month: `to_char(day, 'YYYY-MM')`,
};

/** Column expression of a dimension on petition_facts (used below street level). */
function factDimension(dim: VolumeDimension | 'all', regionCode: string | undefined): string {
  switch (dim) {
    case 'all':
      return `''`;
    case 'channel':
      return `COALESCE(channel, 'unknown')`;
    case 'nature':
      return `COALESCE(nature, 'unknown')`;
    case 'category':
      return `COALESCE(category_code, 'unknown')`;
    case 'region':
      return `COALESCE(left(region_code, ${childCodeLength(regionCode)}), 'unknown')`;
    case 'unit':
      return `COALESCE(lead_unit_id::text, 'unassigned')`;
  }
}

/** Read queries of the dashboard; the only place that knows which table answers which question. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Volume cells. City-wide and district filters read the trigger-kept `daily_volume`; a street
   * or community filter reads the facts through the region index (a street is a small slice).
   */
  async volume(range: DayRange, groupBy: GroupBy, dim: VolumeDimension | 'all', regionCode: string | undefined): Promise<VolumeRow[]> {
    const bucket = BUCKET[groupBy];
    const cols = `${bucket} AS bucket, value, sum(n)::int AS n, sum(collective_n)::int AS collective, sum(emergency_n)::int AS emergency, sum(repeat_n)::int AS repeats`;
    if (!regionCode || regionCode.length <= 6) {
      const scope = regionCode && regionCode.length === 6 ? regionCode : '';
      return this.ds.query(
        `SELECT ${cols} FROM daily_volume WHERE dim = $1 AND scope = $2 AND day BETWEEN $3 AND $4 GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
        [dim, scope, range.from, range.to],
      );
    }
    return this.ds.query(
      `SELECT ${bucket.replace('day', 'reg_day')} AS bucket, ${factDimension(dim, regionCode)} AS value, count(*)::int AS n,
              count(*) FILTER (WHERE collective)::int AS collective, count(*) FILTER (WHERE emergency)::int AS emergency,
              count(*) FILTER (WHERE repeat_of IS NOT NULL)::int AS repeats
       FROM petition_facts WHERE region_code LIKE $1 AND reg_day BETWEEN $2 AND $3 GROUP BY 1, 2 ORDER BY 1, 2`,
      [`${regionCode}%`, range.from, range.to],
    );
  }

  /** Emergency alerts raised in the range (alert.emergency), by region prefix. */
  async emergencyAlerts(range: DayRange, regionCode: string | undefined): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS n FROM emergency_alerts WHERE day BETWEEN $1 AND $2 AND region_code LIKE $3`,
      [range.from, range.to, `${regionCode ?? ''}%`],
    );
    return row.n;
  }

  /** Names of units, for labels. */
  async unitNames(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (uuids.length === 0) return new Map();
    const rows: Array<{ unit_id: string; name: string }> = await this.ds.query(
      `SELECT unit_id, name FROM units WHERE unit_id = ANY($1::uuid[])`,
      [uuids],
    );
    return new Map(rows.map((r) => [r.unit_id, r.name]));
  }

  /**
   * Open matters by age as of `asOf`, overall and per lead unit (the units with the oldest backlog
   * first). Ages are whole calendar days in Asia/Shanghai: a matter is over N days when it was
   * registered before the day N days before asOf's day. City-wide and district filters read the
   * trigger-kept `open_backlog`; other region codes read the open facts through their region index.
   */
  async backlog(asOf: Date, regionCode: string | undefined, limit: number) {
    const day = shanghaiDay(asOf);
    const scope = summaryScope(regionCode);
    const source =
      scope === null
        ? `(SELECT reg_day, COALESCE(lead_unit_id::text, '') AS unit_key, 1 AS n FROM petition_facts
            WHERE is_open AND reg_day <= $1::date AND region_code LIKE $2 || '%') o`
        : `(SELECT reg_day, unit_key, n FROM open_backlog WHERE scope = $2 AND reg_day <= $1::date AND n <> 0) o`;
    const ages = [30, 60, 90, 180].map((d) => `COALESCE(sum(n) FILTER (WHERE reg_day < $1::date - ${d}), 0)::int AS over${d}`).join(', ');
    const buckets = `COALESCE(sum(n), 0)::int AS open, ${ages}`;
    const params = [day, scope ?? regionCode];
    const [totals] = await this.ds.query(`SELECT ${buckets} FROM ${source}`, params);
    const units: Array<{
      unit_id: string | null;
      open: number;
      over30: number;
      over60: number;
      over90: number;
      over180: number;
      oldest_days: number;
    }> = await this.ds.query(
      `SELECT NULLIF(unit_key, '') AS unit_id, ${buckets}, ($1::date - min(reg_day))::int AS oldest_days FROM ${source}
       GROUP BY unit_key HAVING sum(n) > 0 ORDER BY over180 DESC, over90 DESC, over30 DESC, open DESC, unit_key LIMIT $3`,
      [...params, limit],
    );
    return { totals, units };
  }

  /** Repeat petitions, the matters repeated most, and petitioners (pseudonymous refs) who came back. */
  async repeats(range: DayRange, regionCode: string | undefined, limit: number) {
    const params = [range.from, range.to, `${regionCode ?? ''}%`, limit];
    const scope = summaryScope(regionCode);
    const [totals] =
      scope === null
        ? await this.ds.query(
            `SELECT count(*) FILTER (WHERE repeat_of IS NOT NULL)::int AS repeats, count(*)::int AS petitions FROM petition_facts
             WHERE reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3`,
            params.slice(0, 3),
          )
        : await this.ds.query(
            `SELECT COALESCE(sum(repeat_n), 0)::int AS repeats, COALESCE(sum(n), 0)::int AS petitions FROM daily_volume
             WHERE dim = 'all' AND scope = $3 AND day BETWEEN $1 AND $2`,
            [range.from, range.to, scope],
          );
    // Count the repeats per matter from the (few) repeat rows, then look up only the matters that
    // can make the list: those with at least as many repeats as the limit-th one.
    const matters = await this.ds.query(
      `WITH c AS (
         SELECT repeat_of, count(*)::int AS repeats FROM petition_facts
         WHERE repeat_of IS NOT NULL AND reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3 GROUP BY repeat_of),
       cut AS (SELECT repeats FROM c ORDER BY repeats DESC OFFSET $4::int - 1 LIMIT 1)
       SELECT c.repeat_of AS "petitionId", o.tracking_no AS "trackingNo", o.category_code AS "categoryCode", o.region_code AS "regionCode", o.title, c.repeats
       FROM c LEFT JOIN petition_facts o ON o.petition_id = c.repeat_of
       WHERE c.repeats >= COALESCE((SELECT repeats FROM cut), 0)
       ORDER BY c.repeats DESC, 2 LIMIT $4`,
      params,
    );
    // A petitioner has two or more petitions in the range exactly when one of them in the range has
    // its previous petition on or after the first day: those few refs are the candidates, counted
    // in the region. The window counts every repeat petitioner before LIMIT cuts the list.
    const rows: Array<Record<string, unknown> & { people: number }> = await this.ds.query(
      `WITH candidates AS (
         SELECT DISTINCT petitioner_ref FROM petition_facts WHERE prev_reg_day IS NOT NULL AND reg_day BETWEEN $1 AND $2 AND prev_reg_day >= $1),
       per AS (
         SELECT f.petitioner_ref AS "petitionerRef", count(*)::int AS petitions, count(*) FILTER (WHERE f.repeat_of IS NOT NULL)::int AS repeats,
                count(DISTINCT f.category_code)::int AS categories, min(f.reg_day)::text AS "firstDay", max(f.reg_day)::text AS "lastDay"
         FROM candidates c JOIN petition_facts f ON f.petitioner_ref = c.petitioner_ref
         WHERE f.petitioner_ref IS NOT NULL AND f.reg_day BETWEEN $1 AND $2 AND COALESCE(f.region_code, '') LIKE $3
         GROUP BY f.petitioner_ref HAVING count(*) >= 2)
       SELECT *, (count(*) OVER ())::int AS people FROM per ORDER BY petitions DESC, repeats DESC, 1 LIMIT $4`,
      params,
    );
    const petitioners = rows.map(({ people: _people, ...row }) => row);
    return { totals, matters, petitioners, repeatPetitioners: rows[0]?.people ?? 0 };
  }

  /**
   * Petitions received in the range by how triage handled them: dispatched, informed, forwarded,
   * refused, linked as repeats, answered on the spot, or still waiting (`pending`).
   */
  async triageOutcomes(range: DayRange, regionCode: string | undefined): Promise<Array<{ outcome: string; n: number }>> {
    return this.ds.query(
      `SELECT COALESCE(triage_outcome, 'pending') AS outcome, count(*)::int AS n FROM petition_facts
        WHERE reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3 GROUP BY 1 ORDER BY 2 DESC, 1`,
      [range.from, range.to, `${regionCode ?? ''}%`],
    );
  }

  /**
   * Hours spent in each stage, for petitions registered in the range: count, mean and p90.
   * City-wide and district filters read the trigger-kept `stage_hours` (exact count and mean, p90
   * from its histogram, within 2 %: see duration-histogram.ts); other region codes (a street is a
   * small slice) read the facts and give the exact p90.
   */
  async stageTimes(range: DayRange, regionCode: string | undefined): Promise<StageTime[]> {
    const scope = summaryScope(regionCode);
    if (scope === null) return this.stageTimesFromFacts(range, regionCode ?? '');
    const rows: Array<{ stage: string; bucket: number; n: number; micros: string }> = await this.ds.query(
      `SELECT stage, bucket, sum(n)::int AS n, sum(micros)::text AS micros FROM stage_hours
       WHERE scope = $3 AND reg_day BETWEEN $1 AND $2 GROUP BY stage, bucket HAVING sum(n) <> 0`,
      [range.from, range.to, scope],
    );
    return STAGE_NAMES.map((stage) => {
      const mine = rows.filter((r) => r.stage === stage);
      const count = mine.reduce((a, r) => a + r.n, 0);
      const seconds = mine.reduce((a, r) => a + Number(r.micros), 0) / 1e6;
      const p90 = histogramPercentile(mine, 0.9);
      return {
        stage,
        count,
        meanHours: count === 0 ? null : hundredths(seconds / count / 3600),
        p90Hours: p90 === null ? null : hundredths(p90 / 3600),
      };
    });
  }

  private async stageTimesFromFacts(range: DayRange, regionCode: string): Promise<StageTime[]> {
    const parts = STAGE_NAMES.map((name) => {
      const [start, end] = STAGE_SPANS[name];
      const h = `(date_part('epoch', ${end} - ${start}) / 3600.0)`;
      return `count(${h}) AS "${name}_n", avg(${h}) AS "${name}_mean", percentile_cont(0.9) WITHIN GROUP (ORDER BY ${h}) AS "${name}_p90"`;
    });
    const [row] = await this.ds.query(
      `SELECT ${parts.join(', ')} FROM petition_facts WHERE reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3 AND has_registration`,
      [range.from, range.to, `${regionCode}%`],
    );
    return STAGE_NAMES.map((stage) => ({
      stage,
      count: Number(row[`${stage}_n`]),
      meanHours: row[`${stage}_mean`] === null ? null : hundredths(Number(row[`${stage}_mean`])),
      p90Hours: row[`${stage}_p90`] === null ? null : hundredths(Number(row[`${stage}_p90`])),
    }));
  }
}

/** Count, mean and p90 hours of one stage. */
export interface StageTime {
  stage: string;
  count: number;
  meanHours: number | null;
  p90Hours: number | null;
}

/** Start and end of each stage (the same spans as the migration's `stage_durations`). */
const STAGE_SPANS: Record<string, [string, string]> = {
  triage: ['registered_at', 'triaged_at'],
  dispatch: ['COALESCE(triaged_at, registered_at)', 'assigned_at'],
  accept: ['assigned_at', 'accepted_at'],
  handling: ['accepted_at', 'replied_at'],
  review: ['replied_at', 'approved_at'],
  delivery: ['approved_at', 'delivered_at'],
  callback: ['delivered_at', 'closed_at'],
  total: ['registered_at', 'closed_at'],
};
const STAGE_NAMES = Object.keys(STAGE_SPANS);

const hundredths = (x: number) => Math.round(x * 100) / 100;

/**
 * The scope of the trigger-kept summaries that answers a region filter exactly: '' city-wide, the
 * district code for a district; null for a city, street or community code (read from the facts).
 */
function summaryScope(regionCode: string | undefined): string | null {
  if (!regionCode) return '';
  return regionCode.length === 6 ? regionCode : null;
}
