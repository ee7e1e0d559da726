import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkItemEntity } from './entities/work-item.entity';

/**
 * Storage of work items. Every read takes the caller's unit as a required parameter, so a query
 * that forgets to scope by unit cannot be written.
 */
@Injectable()
export class WorkItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless the unit already has a work item for this assignment; returns whether it did. */
  async insertIfAbsent(manager: EntityManager, item: WorkItemEntity): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(WorkItemEntity).values(item).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The unit's inbox sorted by acceptance due date, keyset-paginated on (accept_due, id). */
  inbox(unitId: string, limit: number, after: { due: string; id: string } | null): Promise<WorkItemEntity[]> {
    const qb = this.dataSource
      .getRepository(WorkItemEntity)
      .createQueryBuilder('w')
      .where('w.unit_id = :unitId', { unitId })
      .orderBy('w.accept_due', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(limit);
    if (after) qb.andWhere('(w.accept_due, w.id) > (:due, :id)', { due: after.due, id: after.id });
    return qb.getMany();
  }

  findForUnit(unitId: string, id: string): Promise<WorkItemEntity | null> {
    return this.dataSource.getRepository(WorkItemEntity).findOneBy({ id, unitId });
  }

  /** The unit's work item, row-locked for a state change inside the caller's transaction. */
  lockForUnit(manager: EntityManager, unitId: string, id: string): Promise<WorkItemEntity | null> {
    return manager.getRepository(WorkItemEntity).createQueryBuilder('w').setLock('pessimistic_write').where('w.id = :id AND w.unit_id = :unitId', { id, unitId }).getOne();
  }

  async update(manager: EntityManager, item: WorkItemEntity): Promise<void> {
    await manager.getRepository(WorkItemEntity).save(item);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
