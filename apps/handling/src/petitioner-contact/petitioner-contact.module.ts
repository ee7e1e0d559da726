import { Module, type DynamicModule } from '@nestjs/common';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { WorkItemsModule } from '../work-items/work-items.module';
import { IntakeClient } from './intake-client';
import { PetitionerContactController } from './petitioner-contact.controller';
import { ReadPetitionerContactUseCase } from './usecases/read-petitioner-contact.usecase';

/** The petitioner's contact data, through intake's audited endpoint. */
@Module({})
export class PetitionerContactModule {
  static forRoot(settings: HandlingSettings): DynamicModule {
    return {
      module: PetitionerContactModule,
      imports: [WorkItemsModule],
      controllers: [PetitionerContactController],
      providers: [{ provide: HANDLING_SETTINGS, useValue: settings }, IntakeClient, ReadPetitionerContactUseCase],
    };
  }
}
