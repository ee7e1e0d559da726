import { Module } from '@nestjs/common';
import { AccessAuditRepository } from '../access-audit/access-audit.repository';
import { WorkItemAccess } from '../access-audit/work-item-access';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { ContributionsRepository } from '../contributions/contributions.repository';
import { RepliesRepository } from '../replies/replies.repository';
import { HandlingDeadlines } from './handling-deadlines';
import { AddNote } from './usecases/add-note.usecase';
import { RecordContact } from './usecases/record-contact.usecase';
import { ReturnWorkItem } from './usecases/return-work-item.usecase';
import { AcceptWorkItem } from './usecases/accept-work-item.usecase';
import { WorkItemsConsumer } from './work-items.consumer';
import { WorkItemsController } from './work-items.controller';
import { WorkItemsRepository } from './work-items.repository';
import { WorkItemsService } from './work-items.service';

/** Work items and the unit inbox. */
@Module({
  controllers: [WorkItemsController],
  providers: [WorkItemsConsumer, WorkItemsService, WorkItemsRepository, HandlingDeadlines, AcceptWorkItem, RecordContact, AddNote, ReturnWorkItem, WorkItemAccess, AccessAuditRepository, RepliesRepository, ContributionsRepository, AttachmentsRepository],
  exports: [WorkItemsRepository, HandlingDeadlines, WorkItemAccess, RepliesRepository, ContributionsRepository, AttachmentsRepository],
})
export class WorkItemsModule {}
