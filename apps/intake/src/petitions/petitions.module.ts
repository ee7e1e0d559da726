import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module';
import { TimelineModule } from '../timeline/timeline.module';
import { PetitionsController } from './petitions.controller';
import { PetitionsRepository } from './petitions.repository';
import { PetitionsService } from './petitions.service';
import { RegistrationRepository } from './registration.repository';
import { TrackingNumbers } from './tracking-numbers';
import { RegisterPetitionUseCase } from './usecases/register-petition.usecase';
import { WrittenNoticeDeadline } from './written-notice';

/** Registering and reading petitions; the registration use case serves every channel. */
@Module({
  imports: [ReferenceModule, TimelineModule],
  controllers: [PetitionsController],
  providers: [
    PetitionsService,
    PetitionsRepository,
    RegistrationRepository,
    TrackingNumbers,
    RegisterPetitionUseCase,
    WrittenNoticeDeadline,
  ],
  exports: [PetitionsRepository, RegistrationRepository, RegisterPetitionUseCase, WrittenNoticeDeadline],
})
export class PetitionsModule {}
