import { Module } from '@nestjs/common';
import { PetitionsController } from './petitions.controller';
import { PetitionsRepository } from './petitions.repository';
import { PetitionsService } from './petitions.service';

/** Registering petitions. */
@Module({ controllers: [PetitionsController], providers: [PetitionsService, PetitionsRepository] })
export class PetitionsModule {}
