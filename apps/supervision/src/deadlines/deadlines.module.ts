import { Module } from '@nestjs/common';
import { DeadlineBook } from './deadline-book';
import { DeadlineTrackerHandler } from './deadline-tracker.handler';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';
import { RecomputeProvisionalDeadlinesUseCase } from './usecases/recompute-provisional-deadlines.usecase';

/** The deadline tracker: opened and closed from events, read by `GET /api/deadlines`. */
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlineBook, DeadlinesRepository, DeadlinesService, DeadlineTrackerHandler, RecomputeProvisionalDeadlinesUseCase],
  exports: [DeadlineBook, DeadlinesRepository, RecomputeProvisionalDeadlinesUseCase],
})
export class DeadlinesModule {}
