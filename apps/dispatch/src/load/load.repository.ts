import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UnitKind, UnitLevel } from '@petition/contracts';

/** One unit's open work as dispatch knows it. */
export interface UnitLoadRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  lead_open: string;
  co_open: string;
  accept_overdue: string;
  returns_pending: string;
}

/** Aggregates of active assignments per unit. */
@Injectable()
export class LoadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Units with at least one active assignment, busiest first. */
  perUnit(
    filter: { kind?: UnitKind; level?: UnitLevel; unitId?: string },
    now: Date,
    limit: number,
    offset: number,
  ): Promise<UnitLoadRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.code, u.name, u.kind, u.level,
              count(*) FILTER (WHERE a.lead_unit_id = u.id) AS lead_open,
              count(*) FILTER (WHERE a.lead_unit_id <> u.id) AS co_open,
              count(*) FILTER (WHERE a.lead_unit_id = u.id AND a.accept_due <= $1) AS accept_overdue,
              count(*) FILTER (WHERE a.lead_unit_id = u.id AND EXISTS (
                SELECT 1 FROM assignment_returns r WHERE r.assignment_id = a.id AND r.status = 'requested')) AS returns_pending
         FROM assignments a
         JOIN units u ON u.id = a.lead_unit_id OR u.id = ANY(a.co_handler_unit_ids)
        WHERE a.status = 'active'
          AND ($2::text IS NULL OR u.kind = $2) AND ($3::text IS NULL OR u.level = $3) AND ($4::uuid IS NULL OR u.id = $4)
        GROUP BY u.id
        ORDER BY lead_open DESC, co_open DESC, u.code
        LIMIT $5 OFFSET $6`,
      [now, filter.kind ?? null, filter.level ?? null, filter.unitId ?? null, limit, offset],
    );
  }
}
