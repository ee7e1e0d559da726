import { Module } from '@nestjs/common';
import { PetitionsModule } from '../petitions/petitions.module';
import { TimelineModule } from '../timeline/timeline.module';
import { WindowModule } from '../window/window.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';
import { ListRepeatCandidatesUseCase } from './usecases/list-repeat-candidates.usecase';

/** Triage of registered petitions, and the repeat candidates a clerk decides them by. */
@Module({
  imports: [PetitionsModule, TimelineModule, WindowModule],
  controllers: [TriageController],
  providers: [TriageService, ListRepeatCandidatesUseCase],
})
export class TriageModule {}
