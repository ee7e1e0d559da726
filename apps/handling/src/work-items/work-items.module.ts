import { Module } from '@nestjs/common';
import { AccessAuditRepository } from '../access-audit/access-audit.repository';
import { WorkItemAccess } from './work-item-access';
import { HandlingDeadlines } from './handling-deadlines';
import { AddNoteUseCase } from './usecases/add-note.usecase';
import { RecordContactUseCase } from './usecases/record-contact.usecase';
import { ReturnWorkItemUseCase } from './usecases/return-work-item.usecase';
import { AcceptWorkItemUseCase } from './usecases/accept-work-item.usecase';
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
    AcceptWorkItemUseCase,
    RecordContactUseCase,
    AddNoteUseCase,
    ReturnWorkItemUseCase,
    WorkItemAccess,
    AccessAuditRepository,
  ],
  exports: [WorkItemsRepository, HandlingDeadlines, WorkItemAccess],
})
export class WorkItemsModule {}
