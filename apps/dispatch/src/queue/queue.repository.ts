import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { QueuedPetitionEntity } from './entities/queued-petition.entity';
import type { QueueReasonKind } from './queue-reason';

/** Filters of the open queue. */
export interface QueueFilter {
  reasonKind?: QueueReasonKind;
  escalated?: boolean;
  categoryCode?: string;
  /** The region or any region under it (division codes nest by prefix). */
  regionCode?: string;
  overdueAt?: Date;
}

/** Storage of the dispatcher's manual queue. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Puts a petition in the queue, or back in it after a confirmed return. A redelivered
   * registration leaves an open entry alone; a resolved entry is reopened with the new reason.
   */
  async enqueue(manager: EntityManager, row: QueuedPetitionEntity): Promise<void> {
    await manager.query(
      `INSERT INTO dispatch_queue (petition_id, reason, reason_kind, escalated, category_code, region_code, petition, queued_at, triage_due, triage_rule_set, resolved_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,NULL)
       ON CONFLICT (petition_id) DO UPDATE SET reason = EXCLUDED.reason, reason_kind = EXCLUDED.reason_kind, escalated = EXCLUDED.escalated,
         queued_at = EXCLUDED.queued_at, triage_due = EXCLUDED.triage_due, triage_rule_set = EXCLUDED.triage_rule_set, resolved_at = NULL
       WHERE dispatch_queue.resolved_at IS NOT NULL`,
      [
        row.petitionId,
        row.reason,
        row.reasonKind,
        row.escalated,
        row.categoryCode,
        row.regionCode,
        JSON.stringify(row.petition),
        row.queuedAt,
        row.triageDue,
        row.triageRuleSet,
      ],
    );
  }

  /** The open entry of a petition, locked so two dispatchers cannot assign it twice. */
  lockOpen(manager: EntityManager, petitionId: string): Promise<QueuedPetitionEntity | null> {
    return manager
      .getRepository(QueuedPetitionEntity)
      .createQueryBuilder('q')
      .setLock('pessimistic_write')
      .where('q.petition_id = :petitionId AND q.resolved_at IS NULL', { petitionId })
      .getOne();
  }

  async resolve(manager: EntityManager, petitionId: string, at: Date): Promise<void> {
    await manager.update(QueuedPetitionEntity, { petitionId }, { resolvedAt: at });
  }

  /** Open entries, the most urgent triage deadline first; keyset after (triage_due, petition_id). */
  open(filter: QueueFilter, limit: number, after: { due: Date; petitionId: string } | null): Promise<QueuedPetitionEntity[]> {
    const qb = this.dataSource
      .getRepository(QueuedPetitionEntity)
      .createQueryBuilder('q')
      .where('q.resolved_at IS NULL')
      .orderBy('q.triage_due')
      .addOrderBy('q.petition_id')
      .limit(limit);
    if (filter.reasonKind) qb.andWhere('q.reason_kind = :k', { k: filter.reasonKind });
    if (filter.escalated !== undefined) qb.andWhere('q.escalated = :e', { e: filter.escalated });
    if (filter.categoryCode)
      qb.andWhere('(q.category_code = :c OR q.category_code LIKE :cp)', { c: filter.categoryCode, cp: `${filter.categoryCode}.%` });
    if (filter.regionCode) qb.andWhere('q.region_code LIKE :r', { r: `${filter.regionCode}%` });
    if (filter.overdueAt) qb.andWhere('q.triage_due <= :o', { o: filter.overdueAt });
    if (after) qb.andWhere('(q.triage_due, q.petition_id) > (:ad, :ap)', { ad: after.due, ap: after.petitionId });
    return qb.getMany();
  }
}
