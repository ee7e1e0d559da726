import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CounterDelta } from './contributions';
import type { Kpi, RateKpi } from './kpis';
import type { MatterFacts, ReplyRound } from './matter-facts';
import type { Scheme, UnitCounters, UnitInfo } from './scoring';

/** A stored, frozen ranking. */
export interface PublicationRow {
  id: string;
  period: string;
  scheme: string;
  schemeVersion: number;
  result: unknown;
  publishedBy: string;
  publishedAt: Date;
}

/** A repeat petition linked to one of the unit's matters, for drill-down. */
export interface RepeatRow {
  petitionId: string;
  trackingNo: string;
  originalPetitionId: string;
  originalTrackingNo: string | null;
  linkedAt: Date;
}

/** An overdue matter of a unit, for drill-down. */
export interface OverdueRow {
  petitionId: string;
  trackingNo: string | null;
  months: string[];
  stages: string[];
  firstFiredAt: Date;
}

type Row = Record<string, unknown>;

const COLUMNS: Array<[keyof MatterFacts, string]> = [
  ['unitId', 'unit_id'],
  ['trackingNo', 'tracking_no'],
  ['nature', 'nature'],
  ['isRepeat', 'is_repeat'],
  ['assignmentId', 'assignment_id'],
  ['assignedAt', 'assigned_at'],
  ['acceptDue', 'accept_due'],
  ['acceptedAt', 'accepted_at'],
  ['handlingDue', 'handling_due'],
  ['extendedDue', 'extended_due'],
  ['replies', 'replies'],
  ['firstReviewAt', 'first_review_at'],
  ['firstReviewPassed', 'first_review_passed'],
  ['deliveredAt', 'delivered_at'],
  ['deliveredRound', 'delivered_round'],
  ['reviewWindowEnd', 'review_window_end'],
  ['reviewWindowEndedFor', 'review_window_ended_for'],
  ['evalRound', 'eval_round'],
  ['evalRecordedAt', 'eval_recorded_at'],
  ['evalSatisfaction', 'eval_satisfaction'],
  ['evalSolved', 'eval_solved'],
  ['reviewRequestedAt', 'review_requested_at'],
  ['repeatLinkedAts', 'repeat_linked_ats'],
];

function toFacts(r: Row): MatterFacts {
  const f = { petitionId: r.petition_id as string } as MatterFacts;
  for (const [prop, col] of COLUMNS) (f as unknown as Row)[prop] = r[col];
  f.replies = (r.replies ?? {}) as Record<string, ReplyRound>;
  f.repeatLinkedAts = (r.repeat_linked_ats as Date[] | null) ?? [];
  return f;
}

/** Assessment's tables: matter facts, overdue marks, repeats, counters, schemes, publications. */
@Injectable()
export class AssessmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The matter's facts, row-locked (created empty when first seen). */
  async lockMatter(m: EntityManager, petitionId: string): Promise<MatterFacts> {
    await m.query(`INSERT INTO assessment_matters (petition_id) VALUES ($1) ON CONFLICT DO NOTHING`, [petitionId]);
    const rows: Row[] = await m.query(`SELECT * FROM assessment_matters WHERE petition_id = $1 FOR UPDATE`, [petitionId]);
    return toFacts(rows[0]);
  }

  async saveMatter(m: EntityManager, f: MatterFacts, months: string[]): Promise<void> {
    const sets = COLUMNS.map(([, col], i) => `${col} = $${i + 2}`).join(', ');
    const values = COLUMNS.map(([prop]) => (prop === 'replies' ? JSON.stringify(f.replies) : f[prop]));
    await m.query(
      `UPDATE assessment_matters SET ${sets}, contrib_months = $${COLUMNS.length + 2}, updated_at = now() WHERE petition_id = $1`,
      [f.petitionId, ...values, months],
    );
  }

  /**
   * First-time claims in a `one_time` denominator whose review window ends in [start, end) and is
   * not recorded as ended (uses the partial index `assessment_matters_window_unrecorded_idx`).
   */
  async countUnrecordedReviewWindows(m: EntityManager, start: Date, end: Date): Promise<number> {
    const rows: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM assessment_matters
       WHERE review_window_end IS NOT NULL AND (review_window_ended_for IS NULL OR review_window_ended_for < review_window_end)
         AND review_window_end >= $1 AND review_window_end < $2
         AND unit_id IS NOT NULL AND nature = 'claim' AND NOT is_repeat AND delivered_at IS NOT NULL AND review_requested_at IS NULL`,
      [start, end],
    );
    return rows[0].n;
  }

  /** Records a repeat petition once; false when it was already recorded. */
  async insertRepeat(
    m: EntityManager,
    r: { petitionId: string; originalPetitionId: string; trackingNo: string; linkedAt: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO assessment_repeats (petition_id, original_petition_id, tracking_no, linked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING petition_id`,
      [r.petitionId, r.originalPetitionId, r.trackingNo, r.linkedAt],
    );
    return rows.length > 0;
  }

  /** The months in which the unit already had the matter overdue (row-locked; null when never). */
  async lockOverdue(m: EntityManager, petitionId: string, unitId: string): Promise<string[] | null> {
    const rows: Array<{ months: string[] }> = await m.query(
      `SELECT months FROM assessment_overdue WHERE petition_id = $1 AND unit_id = $2 FOR UPDATE`,
      [petitionId, unitId],
    );
    return rows[0]?.months ?? null;
  }

  async upsertOverdue(m: EntityManager, petitionId: string, unitId: string, month: string, stage: string, firedAt: Date): Promise<void> {
    await m.query(
      `INSERT INTO assessment_overdue (petition_id, unit_id, months, stages, first_fired_at) VALUES ($1, $2, ARRAY[$3], ARRAY[$4], $5)
       ON CONFLICT (petition_id, unit_id) DO UPDATE SET
         months = CASE WHEN $3 = ANY(assessment_overdue.months) THEN assessment_overdue.months ELSE assessment_overdue.months || $3 END,
         stages = CASE WHEN $4 = ANY(assessment_overdue.stages) THEN assessment_overdue.stages ELSE assessment_overdue.stages || $4 END,
         first_fired_at = LEAST(assessment_overdue.first_fired_at, $5)`,
      [petitionId, unitId, month, stage, firedAt],
    );
  }

  /** Applies counter changes in key order (so concurrent transactions lock rows in the same order). */
  async applyDeltas(m: EntityManager, deltas: CounterDelta[]): Promise<void> {
    if (!deltas.length) return;
    await m.query(
      `INSERT INTO assessment_counters (period, unit_id, kpi, numerator, denominator)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::int[])
       ON CONFLICT (period, unit_id, kpi) DO UPDATE SET numerator = assessment_counters.numerator + excluded.numerator, denominator = assessment_counters.denominator + excluded.denominator`,
      [
        deltas.map((d) => d.period),
        deltas.map((d) => d.unitId),
        deltas.map((d) => d.kpi),
        deltas.map((d) => d.numerator),
        deltas.map((d) => d.denominator),
      ],
    );
    const units = [...new Set(deltas.map((d) => d.unitId))].sort();
    await m.query(`INSERT INTO assessment_units (unit_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [units]);
  }

  /**
   * Every unit that ever counted plus every active unit of the directory, with its code and name
   * when the directory knows it, and its counters of `period`.
   */
  async countersOf(
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ unitIds: string[]; info: Map<string, UnitInfo>; counters: Map<string, UnitCounters> }> {
    const units: Array<{ unit_id: string; code: string | null; name: string | null }> = await manager.query(
      `SELECT x.unit_id, d.code, d.name
         FROM (SELECT unit_id FROM assessment_units UNION SELECT unit_id FROM units WHERE active) x
         LEFT JOIN units d ON d.unit_id = x.unit_id
        ORDER BY x.unit_id`,
    );
    const rows: Array<{ unit_id: string; kpi: Kpi; numerator: number; denominator: number }> = await manager.query(
      `SELECT unit_id, kpi, numerator, denominator FROM assessment_counters WHERE period = $1`,
      [period],
    );
    const counters = new Map<string, UnitCounters>();
    for (const r of rows) {
      const c = counters.get(r.unit_id) ?? {};
      c[r.kpi] = { numerator: r.numerator, denominator: r.denominator };
      counters.set(r.unit_id, c);
    }
    return { unitIds: units.map((u) => u.unit_id), info: new Map(units.map((u) => [u.unit_id, { code: u.code, name: u.name }])), counters };
  }

  /** The unit's matters counting in any of `months`. */
  async mattersOf(unitId: string, months: string[]): Promise<MatterFacts[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM assessment_matters WHERE unit_id = $1 AND contrib_months && $2::text[] ORDER BY petition_id`,
      [unitId, months],
    );
    return rows.map(toFacts);
  }

  async overdueOf(unitId: string, months: string[]): Promise<OverdueRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT o.petition_id, m.tracking_no, o.months, o.stages, o.first_fired_at FROM assessment_overdue o LEFT JOIN assessment_matters m ON m.petition_id = o.petition_id
       WHERE o.unit_id = $1 AND o.months && $2::text[] ORDER BY o.petition_id`,
      [unitId, months],
    );
    return rows.map((r) => ({
      petitionId: r.petition_id as string,
      trackingNo: r.tracking_no as string | null,
      months: r.months as string[],
      stages: r.stages as string[],
      firstFiredAt: r.first_fired_at as Date,
    }));
  }

  async repeatsOf(unitId: string, from: Date, to: Date): Promise<RepeatRow[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT r.petition_id, r.tracking_no, r.original_petition_id, m.tracking_no AS original_tracking_no, r.linked_at
       FROM assessment_repeats r JOIN assessment_matters m ON m.petition_id = r.original_petition_id
       WHERE m.unit_id = $1 AND r.linked_at >= $2 AND r.linked_at < $3 ORDER BY r.petition_id`,
      [unitId, from, to],
    );
    return rows.map((r) => ({
      petitionId: r.petition_id as string,
      trackingNo: r.tracking_no as string,
      originalPetitionId: r.original_petition_id as string,
      originalTrackingNo: r.original_tracking_no as string | null,
      linkedAt: r.linked_at as Date,
    }));
  }

  /** A scheme version; the latest when `version` is omitted. */
  async scheme(name: string, version?: number): Promise<Scheme | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM assessment_schemes WHERE name = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1`,
      [name, version ?? null],
    );
    return rows[0] ? toScheme(rows[0]) : null;
  }

  async schemes(): Promise<Array<Scheme & { note: string | null; createdBy: string; createdAt: Date }>> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM assessment_schemes ORDER BY name, version`);
    return rows.map((r) => ({
      ...toScheme(r),
      note: r.note as string | null,
      createdBy: r.created_by as string,
      createdAt: r.created_at as Date,
    }));
  }

  /** Adds the next version of a scheme (never edits one); the version is chosen under a lock. */
  async addSchemeVersion(s: Omit<Scheme, 'version'>, note: string | null, createdBy: string, at: Date): Promise<Scheme> {
    return this.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('assessment_schemes:' || $1))`, [s.name]);
      const rows: Array<{ v: number }> = await m.query(
        `SELECT COALESCE(MAX(version), 0) + 1 AS v FROM assessment_schemes WHERE name = $1`,
        [s.name],
      );
      const version = Number(rows[0].v);
      await m.query(
        `INSERT INTO assessment_schemes (name, version, weights, repeat_penalty, repeat_penalty_cap, overdue_penalty, overdue_penalty_cap, min_matters, note, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          s.name,
          version,
          JSON.stringify(s.weights),
          s.repeatPenalty,
          s.repeatPenaltyCap,
          s.overduePenalty,
          s.overduePenaltyCap,
          s.minMatters,
          note,
          createdBy,
          at,
        ],
      );
      return { ...s, version };
    });
  }

  async lockPublication(m: EntityManager, period: string, scheme: string): Promise<PublicationRow | null> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('assessment_publication:' || $1 || ':' || $2))`, [period, scheme]);
    const rows: Row[] = await m.query(`SELECT * FROM assessment_publications WHERE period = $1 AND scheme = $2`, [period, scheme]);
    const r = rows[0];
    return r
      ? {
          id: r.id as string,
          period: r.period as string,
          scheme: r.scheme as string,
          schemeVersion: r.scheme_version as number,
          result: r.result,
          publishedBy: r.published_by as string,
          publishedAt: r.published_at as Date,
        }
      : null;
  }

  async insertPublication(m: EntityManager, p: PublicationRow): Promise<void> {
    await m.query(
      `INSERT INTO assessment_publications (id, period, scheme, scheme_version, result, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.period, p.scheme, p.schemeVersion, JSON.stringify(p.result), p.publishedBy, p.publishedAt],
    );
  }
}

function toScheme(r: Row): Scheme {
  return {
    name: r.name as string,
    version: r.version as number,
    weights: r.weights as Partial<Record<RateKpi, number>>,
    repeatPenalty: Number(r.repeat_penalty),
    repeatPenaltyCap: Number(r.repeat_penalty_cap),
    overduePenalty: Number(r.overdue_penalty),
    overduePenaltyCap: Number(r.overdue_penalty_cap),
    minMatters: r.min_matters as number,
  };
}
