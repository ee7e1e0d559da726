import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { EscalationController } from './escalation.controller';
import { EscalationRepository } from './escalation.repository';
import { EscalationService } from './escalation.service';
import { IssueSupervisionOrderUseCase } from './usecases/issue-supervision-order.usecase';
import { IssueUrgeUseCase } from './usecases/issue-urge.usecase';

/** Urges and supervision orders, by the ladder (the scheduler uses the use cases) or by hand. */
@Module({
  imports: [DeadlinesModule],
  controllers: [EscalationController],
  providers: [EscalationRepository, EscalationService, IssueUrgeUseCase, IssueSupervisionOrderUseCase],
  exports: [IssueUrgeUseCase, IssueSupervisionOrderUseCase],
})
export class EscalationModule {}
