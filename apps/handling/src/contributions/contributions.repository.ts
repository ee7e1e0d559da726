import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkItemContributionEntity } from './entities/work-item-contribution.entity';

/** Storage of co-handlers' contributions. */
@Injectable()
export class ContributionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, contribution: WorkItemContributionEntity): Promise<void> {
    await manager.insert(WorkItemContributionEntity, contribution);
  }

  /** Every co-handler's contributions to an assignment: only for its lead unit's work item. */
  ofAssignment(assignmentId: string): Promise<WorkItemContributionEntity[]> {
    return this.dataSource
      .getRepository(WorkItemContributionEntity)
      .find({ where: { assignmentId }, order: { addedAt: 'ASC', id: 'ASC' } });
  }

  /** One co-handler's own contributions, on its own work item. */
  ofWorkItem(workItemId: string): Promise<WorkItemContributionEntity[]> {
    return this.dataSource.getRepository(WorkItemContributionEntity).find({ where: { workItemId }, order: { addedAt: 'ASC', id: 'ASC' } });
  }
}
