import { Module } from '@nestjs/common';
import { AccessAuditRepository } from '../access-audit/access-audit.repository';
import { WorkItemAccess } from './work-item-access';
import { HandlingDeadlines } from './handling-deadlines';
import { AddNote } from './usecases/add-note.usecase';
import { RecordContact } from './usecases/record-contact.usecase';
import { ReturnWorkItem } from './usecases/return-work-item.usecase';
import { AcceptWorkItem } from './usecases/accept-work-item.usecase';
import { WorkItemsConsumer } from './work-items.consumer';
import { WorkItemsController } from './work-items.controller';
import { WorkItemsRepository } from './work-items.repository';
import { WorkItemsService } from './work-items.service';

/** Work items, the unit inbox, and the one way to act on an item of one's own unit (`WorkItemAccess`). */
@Module({
  controllers: [WorkItemsController],
  providers: [
    WorkItemsConsumer,
    WorkItemsService,
    WorkItemsRepository,
    HandlingDeadlines,
    AcceptWorkItem,
    RecordContact,
    AddNote,
    ReturnWorkItem,
    WorkItemAccess,
    AccessAuditRepository,
  ],
  exports: [WorkItemsRepository, HandlingDeadlines, WorkItemAccess],
})
export class WorkItemsModule {}
