import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { AppealsController } from './appeals.controller';
import { AppealsHandler } from './appeals.handler';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';
import { DecideAppealUseCase } from './usecases/decide-appeal.usecase';
import { FileAppealUseCase } from './usecases/file-appeal.usecase';
import { RecordHearingUseCase } from './usecases/record-hearing.usecase';

/** Review and re-examination appeals. */
@Module({
  imports: [MattersModule],
  controllers: [AppealsController],
  providers: [AppealsService, AppealsRepository, AppealsHandler, FileAppealUseCase, RecordHearingUseCase, DecideAppealUseCase],
})
export class AppealsModule {}
