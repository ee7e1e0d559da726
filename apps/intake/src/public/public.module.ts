import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { TimelineModule } from '../timeline/timeline.module';
import { PublicController } from './public.controller';
import { PublicService } from './public.service';

/** The petitioner-facing endpoints. */
@Module({
  imports: [PetitionsModule, TimelineModule, AttachmentsModule, DecisionsModule, DocumentsModule],
  controllers: [PublicController],
  providers: [PublicService],
})
export class PublicModule {}
