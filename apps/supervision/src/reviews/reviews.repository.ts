import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ReviewEntity, type ReviewStatus } from './entities/review.entity';

/** Filters of the review queue. */
export interface ReviewFilter {
  status?: ReviewStatus;
  unitId?: string;
  petitionId?: string;
}

/** Storage of result reviews. Supervisors are city-wide, so reads are not unit-scoped. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless this reply already has a review (a redelivered event); returns whether it did. */
  async insertIfAbsent(manager: EntityManager, review: ReviewEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewEntity)
      .values(review as never)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Every review of a petition, by round. */
  ofPetition(manager: EntityManager, petitionId: string): Promise<ReviewEntity[]> {
    return manager.getRepository(ReviewEntity).find({ where: { petitionId }, order: { round: 'ASC', receivedAt: 'ASC' } });
  }

  /** Oldest reply first, keyset-paginated on (received_at, id). */
  list(filter: ReviewFilter, limit: number, after: { at: string; id: string } | null): Promise<ReviewEntity[]> {
    const qb = this.dataSource
      .getRepository(ReviewEntity)
      .createQueryBuilder('r')
      .orderBy('r.received_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.unitId) qb.andWhere('r.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.petitionId) qb.andWhere('r.petition_id = :petitionId', { petitionId: filter.petitionId });
    if (after) qb.andWhere('(r.received_at, r.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    return qb.getMany();
  }

  find(id: string): Promise<ReviewEntity | null> {
    return this.dataSource.getRepository(ReviewEntity).findOneBy({ id });
  }

  /** The review's petition id without locking (to take the matter lock first, always in that order). */
  async petitionOf(id: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(ReviewEntity).findOne({ where: { id }, select: { id: true, petitionId: true } });
    return row?.petitionId ?? null;
  }

  lock(manager: EntityManager, id: string): Promise<ReviewEntity | null> {
    return manager.getRepository(ReviewEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async save(manager: EntityManager, review: ReviewEntity): Promise<void> {
    await manager.getRepository(ReviewEntity).save(review);
  }
}
