import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MatterEntity } from './entities/matter.entity';

/** Storage of the matter projection; `lock` serialises the steps of one matter. */
@Injectable()
export class MattersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the matter row if absent, then returns it row-locked (the per-matter mutex). */
  async ensureLocked(manager: EntityManager, petitionId: string, unitId: string | null, now: Date): Promise<MatterEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MatterEntity)
      .values({
        petitionId,
        leadUnitId: unitId,
        assignmentId: null,
        deliveredReviewId: null,
        deliveredReplyId: null,
        deliveredRound: null,
        deliveredAt: null,
        reviewRequestDue: null,
        reviewWindowEndedAt: null,
        closedAt: null,
        concludedAt: null,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    return (await this.lock(manager, petitionId)) as MatterEntity;
  }

  /** The matter row-locked inside the caller's transaction, or null when supervision never heard of it. */
  lock(manager: EntityManager, petitionId: string): Promise<MatterEntity | null> {
    return manager
      .getRepository(MatterEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.petition_id = :petitionId', { petitionId })
      .getOne();
  }

  find(petitionId: string): Promise<MatterEntity | null> {
    return this.dataSource.getRepository(MatterEntity).findOneBy({ petitionId });
  }

  /**
   * Matters whose delivered reply's review window has ended by `now` and is not recorded yet,
   * row-locked, oldest window first; rows another instance holds are skipped, never waited for.
   */
  lockEndedReviewWindows(manager: EntityManager, now: Date, limit: number): Promise<MatterEntity[]> {
    return manager
      .getRepository(MatterEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('m.review_request_due IS NOT NULL AND m.review_window_ended_at IS NULL AND m.review_request_due <= :now', { now })
      .orderBy('m.review_request_due')
      .limit(limit)
      .getMany();
  }

  async markReviewWindowsEnded(manager: EntityManager, petitionIds: string[], at: Date): Promise<void> {
    if (petitionIds.length)
      await manager.query(`UPDATE matters SET review_window_ended_at = $2 WHERE petition_id = ANY($1)`, [petitionIds, at]);
  }

  async save(manager: EntityManager, matter: MatterEntity): Promise<void> {
    await manager.getRepository(MatterEntity).save(matter);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
