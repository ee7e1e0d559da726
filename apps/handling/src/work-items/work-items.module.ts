import { Module } from '@nestjs/common';
import { WorkItemsConsumer } from './work-items.consumer';
import { WorkItemsController } from './work-items.controller';
import { WorkItemsRepository } from './work-items.repository';
import { WorkItemsService } from './work-items.service';

/** Work items and the unit inbox. */
@Module({ controllers: [WorkItemsController, WorkItemsConsumer], providers: [WorkItemsService, WorkItemsRepository] })
export class WorkItemsModule {}
