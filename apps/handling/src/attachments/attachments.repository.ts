import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { WorkItemAttachmentEntity } from './entities/work-item-attachment.entity';

/** Uploaded attachments; every read is scoped by the work item the caller was allowed to reach. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, attachment: WorkItemAttachmentEntity): Promise<void> {
    await manager.insert(WorkItemAttachmentEntity, attachment);
  }

  findOf(workItemId: string, id: string): Promise<WorkItemAttachmentEntity | null> {
    return this.dataSource.getRepository(WorkItemAttachmentEntity).findOneBy({ id, workItemId });
  }

  /** The uploads of one work item among `ids`, inside the caller's transaction. */
  manyOf(manager: EntityManager, workItemId: string, ids: string[]): Promise<WorkItemAttachmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(WorkItemAttachmentEntity).findBy({ workItemId, id: In(ids) });
  }
}
