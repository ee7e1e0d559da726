import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ReplyAttachmentEntity } from './entities/reply-attachment.entity';
import { WorkItemReplyEntity } from './entities/work-item-reply.entity';

/** A reply with its attachment references. */
export interface StoredReply {
  reply: WorkItemReplyEntity;
  attachments: ReplyAttachmentEntity[];
}

/**
 * Storage of replies. Reads take a work item the caller has already been allowed to read (the
 * unit check happens on the work item, whose id scopes every query here).
 */
@Injectable()
export class RepliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, stored: StoredReply): Promise<void> {
    await manager.insert(WorkItemReplyEntity, stored.reply);
    if (stored.attachments.length) await manager.insert(ReplyAttachmentEntity, stored.attachments);
  }

  /** One reply of a work item, inside the caller's transaction (for a review naming it). */
  findOf(manager: EntityManager, workItemId: string, replyId: string): Promise<WorkItemReplyEntity | null> {
    return manager.getRepository(WorkItemReplyEntity).findOneBy({ id: replyId, workItemId });
  }

  /** Every reply of a work item, oldest round first, with attachments. */
  async repliesOf(workItemId: string): Promise<StoredReply[]> {
    const replies = await this.dataSource.getRepository(WorkItemReplyEntity).find({ where: { workItemId }, order: { round: 'ASC' } });
    if (replies.length === 0) return [];
    const attachments = await this.dataSource
      .getRepository(ReplyAttachmentEntity)
      .find({ where: { replyId: In(replies.map((r) => r.id)) }, order: { position: 'ASC' } });
    return replies.map((reply) => ({ reply, attachments: attachments.filter((a) => a.replyId === reply.id) }));
  }
}
