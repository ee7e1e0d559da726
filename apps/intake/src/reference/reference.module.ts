import { Module } from '@nestjs/common';
import { ReferenceRepository } from './reference.repository';
import { ReferenceService } from './reference.service';

/** Regions and categories intake validates against. */
@Module({ providers: [ReferenceRepository, ReferenceService], exports: [ReferenceService] })
export class ReferenceModule {}
