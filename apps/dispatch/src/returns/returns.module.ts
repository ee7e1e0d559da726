import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { ReturnsConsumer } from './returns.consumer';
import { ReturnsController } from './returns.controller';
import { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';
import { ConfirmReturnUseCase } from './usecases/confirm-return.usecase';

/** Returns of misrouted assignments and their re-dispatch. */
@Module({
  imports: [AssignmentsModule],
  controllers: [ReturnsController],
  providers: [ReturnsService, ReturnsRepository, ConfirmReturnUseCase, ReturnsConsumer],
})
export class ReturnsModule {}
