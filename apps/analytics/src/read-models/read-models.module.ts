import { Module } from '@nestjs/common';
import { PetitionFactsRepository } from './petition-facts.repository';
import { ReadModelsConsumer } from './read-models.consumer';
import { ReadModelsService } from './read-models.service';

/** The read models and the consumers that feed them from every topic. */
@Module({
  providers: [ReadModelsService, PetitionFactsRepository, ReadModelsConsumer],
  exports: [ReadModelsService, PetitionFactsRepository],
})
export class ReadModelsModule {}
