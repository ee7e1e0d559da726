import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { AddContribution } from './add-contribution.usecase';
import { ContributionsController } from './contributions.controller';
import { ContributionsRepository } from './contributions.repository';

/** Co-handlers' contributions. */
@Module({
  imports: [WorkItemsModule],
  controllers: [ContributionsController],
  providers: [ContributionsRepository, AddContribution],
  exports: [ContributionsRepository],
})
export class ContributionsModule {}
