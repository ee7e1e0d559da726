import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * How an incoming value merges with the stored one. Every rule is order-free (commutative and
 * idempotent), which is what makes the read model indifferent to cross-topic reordering and to
 * replays: `earliest`/`latest` keep the min/max instant, `max` the highest round, `fill` the
 * first non-null value, `set` overwrites (only for facts a single event owns), `or` for flags.
 */
export type Merge = 'set' | 'fill' | 'earliest' | 'latest' | 'max' | 'or';

/** One column written by an event, with its merge rule. */
export type FactColumns = Record<string, [value: unknown, merge: Merge]>;

const COLUMN = /^[a-z_]+$/;

function mergeExpression(column: string, merge: Merge): string {
  const stored = `petition_facts.${column}`;
  const incoming = `EXCLUDED.${column}`;
  switch (merge) {
    case 'set':
      return incoming;
    case 'fill':
      return `COALESCE(${stored}, ${incoming})`;
    case 'earliest':
      return `LEAST(${stored}, ${incoming})`;
    case 'latest':
    case 'max':
      return `GREATEST(${stored}, ${incoming})`;
    case 'or':
      return `(${stored} OR ${incoming})`;
  }
}

/** Writes of the per-petition read model and its satellites; the SQL lives here only. */
@Injectable()
export class PetitionFactsRepository {
  /** Upserts one petition's row by id, merging each column by its rule. */
  async upsert(manager: EntityManager, petitionId: string, columns: FactColumns): Promise<void> {
    const names = Object.keys(columns);
    for (const n of names) if (!COLUMN.test(n)) throw new Error(`bad column ${n}`);
    const values = names.map((n) => columns[n][0]);
    const placeholders = names.map((_, i) => `$${i + 2}`);
    const updates = names.map((n) => `${n} = ${mergeExpression(n, columns[n][1])}`);
    await manager.query(
      `INSERT INTO petition_facts (petition_id${names.map((n) => `, ${n}`).join('')}) VALUES ($1${placeholders.map((p) => `, ${p}`).join('')})
       ON CONFLICT (petition_id) DO UPDATE SET ${updates.join(', ')}`,
      [petitionId, ...values],
    );
  }

  /**
   * A petition assigned again (after a confirmed return) has a new lead unit: the latest
   * assignment wins, whatever order the assignments arrive in.
   */
  async assign(manager: EntityManager, petitionId: string, leadUnitId: string, assignedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO petition_facts (petition_id, lead_unit_id, assigned_at, last_assigned_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (petition_id) DO UPDATE SET
         lead_unit_id = CASE WHEN petition_facts.last_assigned_at IS NULL OR EXCLUDED.last_assigned_at >= petition_facts.last_assigned_at
                             THEN EXCLUDED.lead_unit_id ELSE petition_facts.lead_unit_id END,
         assigned_at = LEAST(petition_facts.assigned_at, EXCLUDED.assigned_at),
         last_assigned_at = GREATEST(petition_facts.last_assigned_at, EXCLUDED.last_assigned_at)`,
      [petitionId, leadUnitId, assignedAt],
    );
  }

  /** The latest round's evaluation is the one that counts (docs/rules.md, satisfaction rate). */
  async evaluate(manager: EntityManager, petitionId: string, round: number, satisfaction: string, solved: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO petition_facts (petition_id, evaluation_round, satisfaction, solved) VALUES ($1, $2, $3, $4)
       ON CONFLICT (petition_id) DO UPDATE SET
         satisfaction = CASE WHEN petition_facts.evaluation_round IS NULL OR EXCLUDED.evaluation_round >= petition_facts.evaluation_round THEN EXCLUDED.satisfaction ELSE petition_facts.satisfaction END,
         solved = CASE WHEN petition_facts.evaluation_round IS NULL OR EXCLUDED.evaluation_round >= petition_facts.evaluation_round THEN EXCLUDED.solved ELSE petition_facts.solved END,
         evaluation_round = GREATEST(petition_facts.evaluation_round, EXCLUDED.evaluation_round)`,
      [petitionId, round, satisfaction, solved],
    );
  }

  /** Counts one appeal (the inbox guarantees each event counts once). */
  async countAppeal(manager: EntityManager, petitionId: string): Promise<void> {
    await manager.query(
      `INSERT INTO petition_facts (petition_id, appeal_count) VALUES ($1, 1)
       ON CONFLICT (petition_id) DO UPDATE SET appeal_count = petition_facts.appeal_count + 1`,
      [petitionId],
    );
  }

  /**
   * A repeat petition that was never registered for dispatch carries no classification of its
   * own; it is the same matter, so it takes the original's category, nature, region and
   * petitioner ref — whichever of the two rows arrives last triggers the copy. The two rows are
   * often written at once by different partitions, where neither transaction sees the other's row:
   * both take a lock on the original's id first, so the later one waits for the earlier to commit
   * and then sees its row (each statement reads what is committed when it starts).
   */
  async inheritFromOriginal(manager: EntityManager, petitionId: string): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('analytics.original:' || id)) FROM (
         SELECT $1::text AS id UNION SELECT repeat_of::text FROM petition_facts WHERE petition_id = $1::uuid AND repeat_of IS NOT NULL) ids
       ORDER BY id`,
      [petitionId],
    );
    await manager.query(
      `UPDATE petition_facts r SET
         category_code = COALESCE(r.category_code, o.category_code), nature = COALESCE(r.nature, o.nature),
         region_code = COALESCE(r.region_code, o.region_code), petitioner_ref = COALESCE(r.petitioner_ref, o.petitioner_ref)
       FROM petition_facts o
       WHERE o.petition_id = r.repeat_of AND o.has_registration AND NOT r.has_registration
         AND (r.petition_id = $1 OR r.repeat_of = $1)`,
      [petitionId],
    );
  }

  /** Records a title's terms once per petition and adds them to the daily term counts. */
  async addTerms(
    manager: EntityManager,
    petitionId: string,
    terms: string[],
    registeredAt: string,
    categoryCode: string,
    regionCode: string,
  ): Promise<void> {
    if (terms.length === 0) return;
    await manager.query(
      `WITH added AS (
         INSERT INTO petition_terms (petition_id, term, day, category_code, region_code)
         SELECT $1, t, ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $4, $5 FROM unnest($2::text[]) t
         ON CONFLICT DO NOTHING RETURNING term, day)
       INSERT INTO daily_terms AS d (day, term, category_code, district_code, n)
       SELECT day, term, $4, left($5, 6), 1 FROM added
       ON CONFLICT (day, term, category_code, district_code) DO UPDATE SET n = d.n + 1`,
      [petitionId, terms, registeredAt, categoryCode, regionCode],
    );
  }

  async recordEmergency(
    manager: EntityManager,
    a: { petitionId: string; regionCode: string; flaggedByClerk: boolean; signals: string[]; raisedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO emergency_alerts (petition_id, region_code, flagged_by_clerk, signals, raised_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [a.petitionId, a.regionCode, a.flaggedByClerk, a.signals, a.raisedAt],
    );
  }

  async recordOverdue(
    manager: EntityManager,
    f: { deadlineId: string; petitionId: string; unitId?: string | null; stage: string; due: string; firedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO overdue_flags (deadline_id, petition_id, unit_id, stage, due, fired_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [f.deadlineId, f.petitionId, f.unitId ?? null, f.stage, f.due, f.firedAt],
    );
  }

  /** The directory is compacted: the latest event per unit is the truth. */
  async upsertUnit(
    manager: EntityManager,
    u: { unitId: string; code: string; name: string; level: string; kind: string; active: boolean },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO units (unit_id, code, name, level, kind, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (unit_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, level = EXCLUDED.level, kind = EXCLUDED.kind, active = EXCLUDED.active`,
      [u.unitId, u.code, u.name, u.level, u.kind, u.active],
    );
  }
}
