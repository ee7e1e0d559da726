import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { AddContribution } from './add-contribution.usecase';
import { ContributionsController } from './contributions.controller';

/** Co-handlers' contributions. */
@Module({ imports: [WorkItemsModule], controllers: [ContributionsController], providers: [AddContribution] })
export class ContributionsModule {}
