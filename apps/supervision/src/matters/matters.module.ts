import { Module } from '@nestjs/common';
import { FlowDeadlines } from './flow-deadlines';
import { MattersHandler } from './matters.handler';
import { MattersRepository } from './matters.repository';
import { EndReviewWindowsUseCase } from './usecases/end-review-windows.usecase';

/**
 * The matter projection, the flow's deadlines and its event writer, shared by reviews, evaluations
 * and appeals; and the end of each review window, which the deadline sweep records.
 */
@Module({
  providers: [MattersRepository, FlowDeadlines, MattersHandler, EndReviewWindowsUseCase],
  exports: [MattersRepository, FlowDeadlines, EndReviewWindowsUseCase],
})
export class MattersModule {}
