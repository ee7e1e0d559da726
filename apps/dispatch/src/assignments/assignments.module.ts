import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { RoutingModule } from '../routing/routing.module';
import { AssignmentDeadlines } from './assignment-deadlines';
import { AssignmentsConsumer } from './assignments.consumer';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { DispatchPetitionUseCase } from './usecases/dispatch-petition.usecase';

/** Assignments: automatic routing of registered petitions and dispatchers' assignments. */
@Module({
  imports: [RoutingModule, QueueModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, AssignmentsRepository, AssignmentDeadlines, DispatchPetitionUseCase, AssignmentsConsumer],
  exports: [AssignmentsRepository, AssignmentDeadlines, DispatchPetitionUseCase],
})
export class AssignmentsModule {}
