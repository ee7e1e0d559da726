import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { CaseFileController } from './case-file.controller';
import { ReadCaseFileUseCase } from './usecases/read-case-file.usecase';

/** The whole petition for the units that handle it, read from intake (IntakeModule) on their behalf. */
@Module({ imports: [WorkItemsModule], controllers: [CaseFileController], providers: [ReadCaseFileUseCase], exports: [ReadCaseFileUseCase] })
export class CaseFileModule {}
