import { Module } from '@nestjs/common';
import { PetitionsModule } from '../petitions/petitions.module';
import { NameHashBackfill } from './name-hash-backfill';
import { PetitionerHistoryRepository } from './petitioner-history.repository';
import { LookupPetitionerUseCase } from './usecases/lookup-petitioner.usecase';
import { PreviewRegistrationUseCase } from './usecases/preview-registration.usecase';
import { WindowController } from './window.controller';

/** The reception window (docs/window.md): petitioner lookup and the registration preview. */
@Module({
  imports: [PetitionsModule],
  controllers: [WindowController],
  providers: [PetitionerHistoryRepository, LookupPetitionerUseCase, PreviewRegistrationUseCase, NameHashBackfill],
  exports: [PetitionerHistoryRepository],
})
export class WindowModule {}
