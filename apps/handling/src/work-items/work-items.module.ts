import { Module } from '@nestjs/common';
import { HandlingDeadlines } from './handling-deadlines';
import { AcceptWorkItem } from './usecases/accept-work-item.usecase';
import { WorkItemsConsumer } from './work-items.consumer';
import { WorkItemsController } from './work-items.controller';
import { WorkItemsRepository } from './work-items.repository';
import { WorkItemsService } from './work-items.service';

/** Work items and the unit inbox. */
@Module({ controllers: [WorkItemsController, WorkItemsConsumer], providers: [WorkItemsService, WorkItemsRepository, HandlingDeadlines, AcceptWorkItem] })
export class WorkItemsModule {}
