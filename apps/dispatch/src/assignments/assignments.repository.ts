import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentEntity } from './entities/assignment.entity';
import { QueuedPetitionEntity } from './entities/queued-petition.entity';

/** Storage of assignments and the manual queue. */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  activeFor(manager: EntityManager, petitionId: string): Promise<AssignmentEntity | null> {
    return manager.getRepository(AssignmentEntity).findOneBy({ petitionId, status: 'active' });
  }

  async insert(manager: EntityManager, assignment: AssignmentEntity): Promise<void> {
    await manager.insert(AssignmentEntity, assignment);
  }

  async enqueue(manager: EntityManager, row: QueuedPetitionEntity): Promise<void> {
    await manager.createQueryBuilder().insert().into(QueuedPetitionEntity).values(row as never).orIgnore().execute();
  }

  /** Assignments of a petition, newest first. */
  forPetition(petitionId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({ where: { petitionId }, order: { assignedAt: 'DESC', id: 'DESC' } });
  }
}
