import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentReturnEntity, type ReturnStatus } from './entities/assignment-return.entity';

/** Storage of return requests. */
@Injectable()
export class ReturnsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  openFor(manager: EntityManager, assignmentId: string): Promise<AssignmentReturnEntity | null> {
    return manager.getRepository(AssignmentReturnEntity).findOneBy({ assignmentId, status: 'requested' });
  }

  async insert(manager: EntityManager, row: AssignmentReturnEntity): Promise<void> {
    await manager.insert(AssignmentReturnEntity, row);
  }

  lockById(manager: EntityManager, id: string): Promise<AssignmentReturnEntity | null> {
    return manager
      .getRepository(AssignmentReturnEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: ReturnStatus; decidedBy: string; decidedAt: Date; decisionNote: string | null },
  ): Promise<void> {
    await manager.update(AssignmentReturnEntity, { id }, decision);
  }

  /** Units whose returns of this petition a dispatcher confirmed, oldest first. */
  async confirmedUnits(manager: EntityManager, petitionId: string): Promise<string[]> {
    const rows = await manager
      .getRepository(AssignmentReturnEntity)
      .find({ where: { petitionId, status: 'confirmed' }, order: { requestedAt: 'ASC' } });
    return rows.map((r) => r.unitId);
  }

  /** Returns by status, oldest first; keyset after (requested_at, id). */
  list(status: ReturnStatus, limit: number, after: { at: Date; id: string } | null): Promise<AssignmentReturnEntity[]> {
    const qb = this.dataSource
      .getRepository(AssignmentReturnEntity)
      .createQueryBuilder('r')
      .where('r.status = :status', { status })
      .orderBy('r.requested_at')
      .addOrderBy('r.id')
      .limit(limit);
    if (after) qb.andWhere('(r.requested_at, r.id) > (:at, :id)', { at: after.at, id: after.id });
    return qb.getMany();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
