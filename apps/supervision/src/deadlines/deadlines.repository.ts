import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { TrackedDeadlineEntity } from './entities/tracked-deadline.entity';

/** A completion or cancellation that arrived before the opening it closes. */
export interface PendingClose {
  action: 'complete' | 'cancel';
  at: Date;
}

/** What the sweep records for one deadline. */
export type FiredUpdate = Pick<TrackedDeadlineEntity, 'id' | 'warningFiredAt' | 'overdueFiredAt' | 'escalationStep' | 'nextFireAt'>;

/** Filters of `GET /api/deadlines`; `unitId` is forced to the caller's unit for unit staff. */
export interface DeadlineFilter {
  petitionId?: string;
  unitId?: string;
  stage?: string;
  /** A stored state, or `overdue` (open with the overdue flag) / `warning` (open with the warning flag, not overdue). */
  state?: string;
  after?: { due: string; id: string };
  limit: number;
}

/** All SQL of the deadline tracker. Methods taking a manager run in the caller's transaction. */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a newly opened deadline; false when that obligation was opened already (redelivery). */
  async insertOpened(m: EntityManager, row: TrackedDeadlineEntity): Promise<boolean> {
    const result = await m.createQueryBuilder().insert().into(TrackedDeadlineEntity).values(row).orIgnore().returning('id').execute();
    return result.raw.length > 0;
  }

  /** The obligation `ownerKey` of a petition, locked for the transaction. */
  findForUpdate(m: EntityManager, petitionId: string, ownerKey: string): Promise<TrackedDeadlineEntity | null> {
    return m
      .getRepository(TrackedDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.petition_id = :petitionId AND d.owner_key = :ownerKey', { petitionId, ownerKey })
      .orderBy('d.created_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The latest open obligation whose key starts with `prefix` (e.g. the current reply round of a work item), locked. */
  findOpenByPrefixForUpdate(m: EntityManager, petitionId: string, prefix: string): Promise<TrackedDeadlineEntity | null> {
    return m
      .getRepository(TrackedDeadlineEntity)
      .createQueryBuilder('d')
      .where("d.petition_id = :petitionId AND d.owner_key LIKE :prefix AND d.state = 'open'", { petitionId, prefix: `${prefix}%` })
      .orderBy('d.created_at', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** True when any row exists for that obligation (open or not). */
  async exists(m: EntityManager, petitionId: string, ownerKeyPrefix: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM tracked_deadlines WHERE petition_id = $1 AND owner_key LIKE $2 LIMIT 1`, [
      petitionId,
      `${ownerKeyPrefix}%`,
    ]);
    return rows.length > 0;
  }

  async update(m: EntityManager, id: string, changes: Partial<TrackedDeadlineEntity>): Promise<void> {
    await m.getRepository(TrackedDeadlineEntity).update({ id }, changes);
  }

  /** Writes what one sweep batch fired and when each deadline is looked at next, in one statement. */
  async saveFired(m: EntityManager, rows: FiredUpdate[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE tracked_deadlines d
          SET warning_fired_at = c.w, overdue_fired_at = c.o, escalation_step = c.s, next_fire_at = c.n, updated_at = $6
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::timestamptz[]) AS c(id, w, o, s, n)
        WHERE d.id = c.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.warningFiredAt),
        rows.map((r) => r.overdueFiredAt),
        rows.map((r) => r.escalationStep),
        rows.map((r) => r.nextFireAt),
        now,
      ],
    );
  }

  /** Remembers a close whose opening has not arrived; the first one recorded wins. */
  async rememberClose(m: EntityManager, petitionId: string, ownerKey: string, close: PendingClose): Promise<void> {
    await m.query(
      `INSERT INTO deadline_completions_pending (petition_id, owner_key, action, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [petitionId, ownerKey, close.action, close.at],
    );
  }

  /** Takes (and deletes) the close waiting for this opening, if any. */
  async takePendingClose(m: EntityManager, petitionId: string, ownerKey: string): Promise<PendingClose | null> {
    const result: unknown = await m.query(
      `DELETE FROM deadline_completions_pending WHERE petition_id = $1 AND owner_key = $2 RETURNING action, at`,
      [petitionId, ownerKey],
    );
    // TypeORM's postgres driver answers a DELETE with [rows, affected count].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{
      action: 'complete' | 'cancel';
      at: Date;
    }>;
    const row = rows[0];
    return row === undefined ? null : { action: row.action, at: new Date(row.at) };
  }

  /**
   * Up to `limit` deadlines due to be looked at by `now`, locked; rows another instance is sweeping
   * are skipped, never waited for. Reads only the partial index on next_fire_at.
   */
  lockDue(m: EntityManager, now: Date, limit: number): Promise<TrackedDeadlineEntity[]> {
    return this.lockDueQuery(m, now, limit).getMany();
  }

  /** The query behind {@link lockDue} (the benchmark explains it). */
  lockDueQuery(m: EntityManager, now: Date, limit: number): SelectQueryBuilder<TrackedDeadlineEntity> {
    return m
      .getRepository(TrackedDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.next_fire_at <= :now', { now })
      .orderBy('d.next_fire_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked');
  }

  /** Open provisional deadlines after `afterId` (by id), locked; rows locked elsewhere are skipped. */
  lockOpenProvisional(m: EntityManager, afterId: string, limit: number): Promise<TrackedDeadlineEntity[]> {
    return m
      .getRepository(TrackedDeadlineEntity)
      .createQueryBuilder('d')
      .where("d.provisional AND d.state = 'open' AND d.id > :afterId", { afterId })
      .orderBy('d.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** One page of deadlines, by due instant then id. */
  list(filter: DeadlineFilter): Promise<TrackedDeadlineEntity[]> {
    const q = this.dataSource.getRepository(TrackedDeadlineEntity).createQueryBuilder('d');
    if (filter.petitionId) q.andWhere('d.petition_id = :petitionId', { petitionId: filter.petitionId });
    if (filter.unitId) q.andWhere('d.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.stage) q.andWhere('d.stage = :stage', { stage: filter.stage });
    if (filter.state === 'overdue') q.andWhere("d.state = 'open' AND d.overdue_fired_at IS NOT NULL");
    else if (filter.state === 'warning') q.andWhere("d.state = 'open' AND d.warning_fired_at IS NOT NULL AND d.overdue_fired_at IS NULL");
    else if (filter.state) q.andWhere('d.state = :state', { state: filter.state });
    const after = filter.after;
    if (after) {
      q.andWhere(
        new Brackets((b) =>
          b.where('d.due > :afterDue', { afterDue: after.due }).orWhere('d.due = :afterDue AND d.id > :afterId', { afterId: after.id }),
        ),
      );
    }
    return q.orderBy('d.due', 'ASC').addOrderBy('d.id', 'ASC').limit(filter.limit).getMany();
  }
}
