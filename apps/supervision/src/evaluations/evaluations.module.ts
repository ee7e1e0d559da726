import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsHandler } from './evaluations.handler';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';
import { RecordEvaluationUseCase } from './usecases/record-evaluation.usecase';

/** Callbacks and evaluations. */
@Module({
  imports: [MattersModule],
  controllers: [EvaluationsController],
  providers: [EvaluationsService, EvaluationsRepository, EvaluationsHandler, RecordEvaluationUseCase],
})
export class EvaluationsModule {}
