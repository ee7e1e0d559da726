import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkItemContactEntity } from './entities/work-item-contact.entity';
import { WorkItemEntity } from './entities/work-item.entity';
import { WorkItemNoteEntity } from './entities/work-item-note.entity';
import { inboxRow, inboxStatement, type InboxFilter } from './inbox-query';

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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(WorkItemEntity)
      .values(item as never)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /**
   * The unit's inbox sorted by the deadline each item is held to now, keyset-paginated on
   * (current_due, id). `now` decides the warning and overdue filters, which apply to open items.
   */
  async inbox(unitId: string, filter: InboxFilter, limit: number, after: { due: string; id: string } | null): Promise<WorkItemEntity[]> {
    const { sql, params } = inboxStatement(unitId, filter, limit, after);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return rows.map(inboxRow);
  }

  findForUnit(unitId: string, id: string): Promise<WorkItemEntity | null> {
    return this.dataSource.getRepository(WorkItemEntity).findOneBy({ id, unitId });
  }

  /** The unit's work item, row-locked for a state change inside the caller's transaction. */
  lockForUnit(manager: EntityManager, unitId: string, id: string): Promise<WorkItemEntity | null> {
    return manager
      .getRepository(WorkItemEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.id = :id AND w.unit_id = :unitId', { id, unitId })
      .getOne();
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

  /** Every unit's work item of one assignment (to name the lead and the co-handlers of the caller's own item). */
  ofAssignment(assignmentId: string): Promise<WorkItemEntity[]> {
    return this.dataSource
      .getRepository(WorkItemEntity)
      .find({ where: { assignmentId }, order: { role: 'DESC', openedAt: 'ASC', id: 'ASC' } });
  }

  /** Every unit's work item of one assignment, row-locked (for the bureau's decisions on returns). */
  lockForAssignment(manager: EntityManager, assignmentId: string): Promise<WorkItemEntity[]> {
    return manager
      .getRepository(WorkItemEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.assignment_id = :assignmentId', { assignmentId })
      .getMany();
  }
}
