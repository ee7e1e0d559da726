import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitEntity } from '../directory/entities/unit.entity';
import { AssignmentEntity } from './entities/assignment.entity';

/** Storage of assignments. */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  activeFor(manager: EntityManager, petitionId: string): Promise<AssignmentEntity | null> {
    return manager.getRepository(AssignmentEntity).findOneBy({ petitionId, status: 'active' });
  }

  /** The assignment, locked for a return decision in this transaction. */
  lockById(manager: EntityManager, id: string): Promise<AssignmentEntity | null> {
    return manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  async insert(manager: EntityManager, assignment: AssignmentEntity): Promise<void> {
    await manager.insert(AssignmentEntity, assignment);
  }

  async markReturned(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(AssignmentEntity, { id }, { status: 'returned', returnedAt: at });
  }

  /** Units by id, to check a dispatcher's choice against the directory. */
  units(manager: EntityManager, ids: string[]): Promise<UnitEntity[]> {
    return manager.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
  }

  /** Assignments of a petition, newest first. */
  forPetition(petitionId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({ where: { petitionId }, order: { assignedAt: 'DESC', id: 'DESC' } });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
