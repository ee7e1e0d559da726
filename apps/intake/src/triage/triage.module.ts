import { Module } from '@nestjs/common';
import { PetitionsModule } from '../petitions/petitions.module';
import { TimelineModule } from '../timeline/timeline.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

/** Triage of registered petitions. */
@Module({ imports: [PetitionsModule, TimelineModule], controllers: [TriageController], providers: [TriageService] })
export class TriageModule {}
