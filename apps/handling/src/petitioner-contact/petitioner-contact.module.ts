import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { PetitionerContactController } from './petitioner-contact.controller';
import { ReadPetitionerContactUseCase } from './usecases/read-petitioner-contact.usecase';

/** The petitioner's contact data, through intake's audited endpoint. */
@Module({ imports: [WorkItemsModule], controllers: [PetitionerContactController], providers: [ReadPetitionerContactUseCase] })
export class PetitionerContactModule {}
