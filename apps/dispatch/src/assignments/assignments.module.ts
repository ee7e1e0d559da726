import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { AssignmentDeadlines } from './assignment-deadlines';
import { AssignmentsConsumer } from './assignments.consumer';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';

/** Assignments and the manual queue. */
@Module({
  imports: [RoutingModule],
  controllers: [AssignmentsController, AssignmentsConsumer],
  providers: [AssignmentsService, AssignmentsRepository, AssignmentDeadlines],
})
export class AssignmentsModule {}
