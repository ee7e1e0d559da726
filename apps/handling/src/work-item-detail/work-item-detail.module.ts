import { Module } from '@nestjs/common';
import { ContributionsModule } from '../contributions/contributions.module';
import { RepliesModule } from '../replies/replies.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { WorkItemDetailController } from './work-item-detail.controller';
import { WorkItemDetailQuery } from './work-item-detail.query';

/** The work item as its unit reads it: a query over work items, replies and contributions. */
@Module({
  imports: [WorkItemsModule, RepliesModule, ContributionsModule],
  controllers: [WorkItemDetailController],
  providers: [WorkItemDetailQuery],
})
export class WorkItemDetailModule {}
