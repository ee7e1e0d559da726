import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { AppealsController } from './appeals.controller';
import { AppealsHandler } from './appeals.handler';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';
import { DecideAppeal } from './usecases/decide-appeal.usecase';
import { FileAppeal } from './usecases/file-appeal.usecase';
import { RecordHearing } from './usecases/record-hearing.usecase';

/** Review and re-examination appeals. */
@Module({
  imports: [MattersModule],
  controllers: [AppealsController],
  providers: [AppealsService, AppealsRepository, AppealsHandler, FileAppeal, RecordHearing, DecideAppeal],
})
export class AppealsModule {}
