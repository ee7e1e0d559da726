import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { AddContributionUseCase } from './usecases/add-contribution.usecase';
import { ContributionsController } from './contributions.controller';
import { ContributionsRepository } from './contributions.repository';

/** Co-handlers' contributions. */
@Module({
  imports: [WorkItemsModule],
  controllers: [ContributionsController],
  providers: [ContributionsRepository, AddContributionUseCase],
  exports: [ContributionsRepository],
})
export class ContributionsModule {}
