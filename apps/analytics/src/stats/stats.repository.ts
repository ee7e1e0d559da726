import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { childCodeLength } from '../regions/region-codes';
import type { DayRange } from './date-range';
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
      return this.ds.query(`SELECT ${cols} FROM daily_volume WHERE dim = $1 AND scope = $2 AND day BETWEEN $3 AND $4 GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`, [
        dim, scope, range.from, range.to,
      ]);
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
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM emergency_alerts WHERE day BETWEEN $1 AND $2 AND region_code LIKE $3`, [range.from, range.to, `${regionCode ?? ''}%`]);
    return row.n;
  }

  /** Names of units, for labels. */
  async unitNames(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (uuids.length === 0) return new Map();
    const rows: Array<{ unit_id: string; name: string }> = await this.ds.query(`SELECT unit_id, name FROM units WHERE unit_id = ANY($1::uuid[])`, [uuids]);
    return new Map(rows.map((r) => [r.unit_id, r.name]));
  }

  /** Open matters by age as of `asOf`, overall and per lead unit (the units with the oldest backlog first). */
  async backlog(asOf: Date, regionCode: string | undefined, limit: number) {
    const buckets = `count(*)::int AS open,
      count(*) FILTER (WHERE reg_at < $1::timestamptz - interval '30 days')::int AS over30,
      count(*) FILTER (WHERE reg_at < $1::timestamptz - interval '60 days')::int AS over60,
      count(*) FILTER (WHERE reg_at < $1::timestamptz - interval '90 days')::int AS over90,
      count(*) FILTER (WHERE reg_at < $1::timestamptz - interval '180 days')::int AS over180`;
    const where = `is_open AND reg_at <= $1 AND ($2::text IS NULL OR region_code LIKE $2 || '%')`;
    const [totals] = await this.ds.query(`SELECT ${buckets} FROM petition_facts WHERE ${where}`, [asOf, regionCode ?? null]);
    const units: Array<{ unit_id: string | null; open: number; over30: number; over60: number; over90: number; over180: number; oldest: Date }> = await this.ds.query(
      `SELECT lead_unit_id AS unit_id, ${buckets}, min(reg_at) AS oldest FROM petition_facts WHERE ${where}
       GROUP BY lead_unit_id ORDER BY over180 DESC, over90 DESC, over30 DESC, open DESC LIMIT $3`,
      [asOf, regionCode ?? null, limit],
    );
    return { totals, units };
  }

  /** Repeat petitions, the matters repeated most, and petitioners (pseudonymous refs) who came back. */
  async repeats(range: DayRange, regionCode: string | undefined, limit: number) {
    const params = [range.from, range.to, `${regionCode ?? ''}%`, limit];
    const [totals] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE repeat_of IS NOT NULL)::int AS repeats, count(*)::int AS petitions FROM petition_facts
       WHERE reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3`,
      params.slice(0, 3),
    );
    const matters = await this.ds.query(
      `SELECT r.repeat_of AS "petitionId", o.tracking_no AS "trackingNo", o.category_code AS "categoryCode", o.region_code AS "regionCode", o.title, count(*)::int AS repeats
       FROM petition_facts r LEFT JOIN petition_facts o ON o.petition_id = r.repeat_of
       WHERE r.repeat_of IS NOT NULL AND r.reg_day BETWEEN $1 AND $2 AND COALESCE(r.region_code, '') LIKE $3
       GROUP BY 1, 2, 3, 4, 5 ORDER BY repeats DESC, 2 LIMIT $4`,
      params,
    );
    // The window counts every repeat petitioner before LIMIT cuts the list: one scan for both.
    const rows: Array<Record<string, unknown> & { people: number }> = await this.ds.query(
      `SELECT petitioner_ref AS "petitionerRef", count(*)::int AS petitions, count(*) FILTER (WHERE repeat_of IS NOT NULL)::int AS repeats,
              count(DISTINCT category_code)::int AS categories, min(reg_day)::text AS "firstDay", max(reg_day)::text AS "lastDay",
              (count(*) OVER ())::int AS people
       FROM petition_facts WHERE petitioner_ref IS NOT NULL AND reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3
       GROUP BY petitioner_ref HAVING count(*) >= 2 ORDER BY petitions DESC, repeats DESC, 1 LIMIT $4`,
      params,
    );
    const petitioners = rows.map(({ people: _people, ...row }) => row);
    return { totals, matters, petitioners, repeatPetitioners: rows[0]?.people ?? 0 };
  }

  /** Hours spent in each stage, for petitions registered in the range: count, mean and p90. */
  async stageTimes(range: DayRange, regionCode: string | undefined) {
    const stages: Record<string, [string, string]> = {
      triage: ['registered_at', 'triaged_at'],
      dispatch: ['COALESCE(triaged_at, registered_at)', 'assigned_at'],
      accept: ['assigned_at', 'accepted_at'],
      handling: ['accepted_at', 'replied_at'],
      review: ['replied_at', 'approved_at'],
      delivery: ['approved_at', 'delivered_at'],
      callback: ['delivered_at', 'closed_at'],
      total: ['registered_at', 'closed_at'],
    };
    const parts = Object.entries(stages).map(([name, [start, end]]) => {
      const h = `(date_part('epoch', ${end} - ${start}) / 3600.0)`;
      return `count(${h}) AS "${name}_n", avg(${h}) AS "${name}_mean", percentile_cont(0.9) WITHIN GROUP (ORDER BY ${h}) AS "${name}_p90"`;
    });
    const [row] = await this.ds.query(
      `SELECT ${parts.join(', ')} FROM petition_facts WHERE reg_day BETWEEN $1 AND $2 AND COALESCE(region_code, '') LIKE $3 AND has_registration`,
      [range.from, range.to, `${regionCode ?? ''}%`],
    );
    return Object.keys(stages).map((stage) => ({
      stage,
      count: Number(row[`${stage}_n`]),
      meanHours: row[`${stage}_mean`] === null ? null : Math.round(Number(row[`${stage}_mean`]) * 100) / 100,
      p90Hours: row[`${stage}_p90`] === null ? null : Math.round(Number(row[`${stage}_p90`]) * 100) / 100,
    }));
  }
}
