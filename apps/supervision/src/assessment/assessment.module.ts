import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller';
import { AssessmentFactsHandler } from './assessment-facts.handler';
import { AssessmentRepository } from './assessment.repository';
import { AssessmentService } from './assessment.service';
import { DirectoryUnitsHandler } from './directory-units.handler';
import { AddSchemeVersionUseCase } from './usecases/add-scheme-version.usecase';
import { ExportAssessmentUseCase } from './usecases/export-assessment.usecase';
import { PublishAssessmentUseCase } from './usecases/publish-assessment.usecase';

/** Unit assessment: the facts projection, rankings, drill-down, export, publishing, schemes. */
@Module({
  controllers: [AssessmentController],
  providers: [
    AssessmentRepository,
    AssessmentService,
    AssessmentFactsHandler,
    DirectoryUnitsHandler,
    ExportAssessmentUseCase,
    PublishAssessmentUseCase,
    AddSchemeVersionUseCase,
  ],
})
export class AssessmentModule {}
