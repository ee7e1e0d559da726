import { Module, type DynamicModule } from '@nestjs/common';
import { CaseFileModule } from '../case-file/case-file.module';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { DirectoryModule } from '../directory/directory.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { DocumentsController } from './documents.controller';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { DownloadAssignmentSheetUseCase } from './usecases/download-assignment-sheet.usecase';
import { DownloadPetitionerDocumentUseCase } from './usecases/download-petitioner-document.usecase';

/** The documents of a unit's matter: its 交办单 (issued and kept here), and the petitioner's documents (through intake). */
@Module({})
export class DocumentsModule {
  static forRoot(settings: HandlingSettings): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [WorkItemsModule, CaseFileModule, DirectoryModule],
      controllers: [DocumentsController],
      providers: [
        { provide: HANDLING_SETTINGS, useValue: settings },
        IssuedDocumentsRepository,
        DownloadAssignmentSheetUseCase,
        DownloadPetitionerDocumentUseCase,
      ],
    };
  }
}
