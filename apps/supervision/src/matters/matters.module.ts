import { Module } from '@nestjs/common';
import { FlowDeadlines } from './flow-deadlines';
import { MatterEvents } from './matter-events';
import { MattersHandler } from './matters.handler';
import { MattersRepository } from './matters.repository';
import { EndReviewWindowsUseCase } from './usecases/end-review-windows.usecase';

/**
 * The matter projection, the flow's deadlines and its event writer, shared by reviews, evaluations
 * and appeals; and the end of each review window, which the deadline sweep records.
 */
@Module({
  providers: [MattersRepository, FlowDeadlines, MatterEvents, MattersHandler, EndReviewWindowsUseCase],
  exports: [MattersRepository, FlowDeadlines, MatterEvents, EndReviewWindowsUseCase],
})
export class MattersModule {}
