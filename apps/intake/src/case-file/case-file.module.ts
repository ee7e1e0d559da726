import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ContactModule } from '../contact/contact.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { CaseFileController } from './case-file.controller';
import { DownloadCaseFileAttachmentUseCase } from './usecases/download-case-file-attachment.usecase';
import { ReadCaseFileUseCase } from './usecases/read-case-file.usecase';

/** The whole petition, read by the units that handle it through handling (audited). */
@Module({
  imports: [PetitionsModule, ContactModule, AttachmentsModule],
  controllers: [CaseFileController],
  providers: [ReadCaseFileUseCase, DownloadCaseFileAttachmentUseCase],
  // Documents share the case file's access rule and its refusal log.
  exports: [ReadCaseFileUseCase],
})
export class CaseFileModule {}
