import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ProgressConsumer } from './progress.consumer';
import { ProgressService } from './progress.service';
import { SupervisionProgressService } from './supervision-progress.service';

/** Intake's view of a petition's progress in the other services. */
@Module({
  imports: [PetitionsModule, TimelineModule, DecisionsModule],
  providers: [ProgressService, SupervisionProgressService, ProgressConsumer],
})
export class ProgressModule {}
