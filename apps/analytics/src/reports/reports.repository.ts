import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DayRange } from '../stats/date-range';

/** Report figures the dashboard queries do not already give. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Matters closed (办结) in the range. */
  async closed(range: DayRange): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS n FROM petition_facts WHERE closed_at >= $1::date::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND closed_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [range.from, range.to],
    );
    return row.n;
  }

  /** Units with deadlines flagged overdue (deadline.overdue) in the range, most first. */
  async overdueUnits(
    range: DayRange,
    limit: number,
  ): Promise<Array<{ unitId: string; unitName: string | null; overdueFlags: number; matters: number }>> {
    return this.ds.query(
      `SELECT f.unit_id AS "unitId", u.name AS "unitName", count(*)::int AS "overdueFlags", count(DISTINCT f.petition_id)::int AS matters
       FROM overdue_flags f LEFT JOIN units u ON u.unit_id = f.unit_id
       WHERE f.day BETWEEN $1 AND $2 AND f.unit_id IS NOT NULL
       GROUP BY f.unit_id, u.name ORDER BY "overdueFlags" DESC, matters DESC, f.unit_id LIMIT $3`,
      [range.from, range.to, limit],
    );
  }
}
