import { Module } from '@nestjs/common';
import { PetitionsModule } from '../petitions/petitions.module';
import { HotlineController } from './hotline.controller';
import { HotlineService } from './hotline.service';

/** 12345 hotline imports. */
@Module({ imports: [PetitionsModule], controllers: [HotlineController], providers: [HotlineService] })
export class HotlineModule {}
