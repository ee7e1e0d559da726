import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkItemStatus, type Track } from '@petition/contracts';
import type { DeadlineState } from './dto/inbox-query.dto';
import { WorkItemContactEntity } from './entities/work-item-contact.entity';
import { WorkItemEntity } from './entities/work-item.entity';
import { WorkItemNoteEntity } from './entities/work-item-note.entity';

/** Statuses whose deadline is still running. */
export const OPEN_STATUSES = [WorkItemStatus.Assigned, WorkItemStatus.Accepted];

/** Inbox filters, with the clock's now for deadline states. */
export interface InboxFilter {
  status?: WorkItemStatus;
  track?: Track;
  dueBefore?: string;
  state?: DeadlineState;
  now: Date;
}

/**
 * Storage of work items. Every read takes the caller's unit as a required parameter, so a query
 * that forgets to scope by unit cannot be written.
 */
@Injectable()
export class WorkItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless the unit already has a work item for this assignment; returns whether it did. */
  async insertIfAbsent(manager: EntityManager, item: WorkItemEntity): Promise<boolean> {
    // `as never`: TypeORM's deep-partial type cannot express the jsonb column; the entity is complete.
    const result = await manager.createQueryBuilder().insert().into(WorkItemEntity).values(item as never).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  /**
   * The unit's inbox sorted by the deadline each item is held to now, keyset-paginated on
   * (current_due, id). `now` decides the warning and overdue filters, which apply to open items.
   */
  inbox(unitId: string, filter: InboxFilter, limit: number, after: { due: string; id: string } | null): Promise<WorkItemEntity[]> {
    const qb = this.dataSource
      .getRepository(WorkItemEntity)
      .createQueryBuilder('w')
      .where('w.unit_id = :unitId', { unitId })
      .orderBy('w.current_due', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(limit);
    if (after) qb.andWhere('(w.current_due, w.id) > (:afterDue, :afterId)', { afterDue: after.due, afterId: after.id });
    if (filter.status) qb.andWhere('w.status = :status', { status: filter.status });
    if (filter.track) qb.andWhere('w.track = :track', { track: filter.track });
    if (filter.dueBefore) qb.andWhere('w.current_due < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.state) {
      qb.andWhere('w.status IN (:...open)', { open: OPEN_STATUSES });
      if (filter.state === 'overdue') qb.andWhere('w.current_due <= :now', { now: filter.now });
      else if (filter.state === 'warning') qb.andWhere('w.current_warning_at <= :now AND w.current_due > :now', { now: filter.now });
      else qb.andWhere('w.current_warning_at > :now', { now: filter.now });
    }
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

  async insertContact(manager: EntityManager, contact: WorkItemContactEntity): Promise<void> {
    await manager.insert(WorkItemContactEntity, contact);
  }

  async insertNote(manager: EntityManager, note: WorkItemNoteEntity): Promise<void> {
    await manager.insert(WorkItemNoteEntity, note);
  }

  /** Contacts of a work item the caller has already been allowed to read. */
  contactsOf(workItemId: string): Promise<WorkItemContactEntity[]> {
    return this.dataSource.getRepository(WorkItemContactEntity).find({ where: { workItemId }, order: { contactedAt: 'ASC', id: 'ASC' } });
  }

  /** Notes of a work item the caller has already been allowed to read. */
  notesOf(workItemId: string): Promise<WorkItemNoteEntity[]> {
    return this.dataSource.getRepository(WorkItemNoteEntity).find({ where: { workItemId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every unit's work item of one assignment, row-locked (for the bureau's decisions on returns). */
  lockForAssignment(manager: EntityManager, assignmentId: string): Promise<WorkItemEntity[]> {
    return manager.getRepository(WorkItemEntity).createQueryBuilder('w').setLock('pessimistic_write').where('w.assignment_id = :assignmentId', { assignmentId }).getMany();
  }
}
