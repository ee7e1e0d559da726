import { Module } from '@nestjs/common';
import { CaseFileModule } from '../case-file/case-file.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DirectoryModule } from '../directory/directory.module';
import { PetitionsModule } from '../petitions/petitions.module';
import { DocumentsController } from './documents.controller';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { PetitionerDocuments } from './petitioner-documents';
import { DownloadPetitionerDocumentUseCase } from './usecases/download-petitioner-document.usecase';
import { IssuePetitionerDocumentUseCase } from './usecases/issue-petitioner-document.usecase';

/** The documents addressed to the petitioner, rendered and kept by intake (docs/documents.md). */
@Module({
  imports: [PetitionsModule, DecisionsModule, DirectoryModule, CaseFileModule],
  controllers: [DocumentsController],
  providers: [IssuedDocumentsRepository, PetitionerDocuments, IssuePetitionerDocumentUseCase, DownloadPetitionerDocumentUseCase],
  exports: [DownloadPetitionerDocumentUseCase],
})
export class DocumentsModule {}
