import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppealKind } from '@petition/contracts';
import { AppealEntity, type AppealStatus } from './entities/appeal.entity';

/** Storage of appeals. */
@Injectable()
export class AppealsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, appeal: AppealEntity): Promise<void> {
    await manager.insert(AppealEntity, appeal as never);
  }

  /** The live (not refused) appeal of a kind of a matter. */
  live(manager: EntityManager, petitionId: string, kind: AppealKind): Promise<AppealEntity | null> {
    return manager
      .getRepository(AppealEntity)
      .createQueryBuilder('a')
      .where("a.petition_id = :petitionId AND a.kind = :kind AND a.status <> 'refused'", { petitionId, kind })
      .getOne();
  }

  async petitionOf(id: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(AppealEntity).findOne({ where: { id }, select: { id: true, petitionId: true } });
    return row?.petitionId ?? null;
  }

  lock(manager: EntityManager, id: string): Promise<AppealEntity | null> {
    return manager.getRepository(AppealEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  find(id: string): Promise<AppealEntity | null> {
    return this.dataSource.getRepository(AppealEntity).findOneBy({ id });
  }

  async save(manager: EntityManager, appeal: AppealEntity): Promise<void> {
    await manager.getRepository(AppealEntity).save(appeal);
  }

  /** Oldest registration first, keyset-paginated on (registered_at, id). */
  list(
    filter: { status?: AppealStatus; kind?: AppealKind; petitionId?: string },
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<AppealEntity[]> {
    const qb = this.dataSource
      .getRepository(AppealEntity)
      .createQueryBuilder('a')
      .orderBy('a.registered_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit);
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.petitionId) qb.andWhere('a.petition_id = :petitionId', { petitionId: filter.petitionId });
    if (after) qb.andWhere('(a.registered_at, a.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    return qb.getMany();
  }
}
