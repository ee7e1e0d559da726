import { Controller, Get, Param, ParseUUIDPipe, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { attachmentFile } from '@petition/attachments';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { DOCX_CONTENT_TYPE } from '@petition/documents';
import { DocumentParams, DocumentReasonQuery, PetitionDocumentView } from './dto/document.dto';
import { DownloadPetitionerDocumentUseCase } from './usecases/download-petitioner-document.usecase';

const STAFF = [Role.Clerk, Role.Supervisor, Role.Dispatcher, Role.Handler, Role.UnitHead];

/** The documents addressed to the petitioner (docs/documents.md), for the staff who hand them over or file them. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/petitions')
export class DocumentsController {
  constructor(private readonly documents: DownloadPetitionerDocumentUseCase) {}

  @Get(':id/documents')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The documents this petition can have now (受理告知书, 告知书, 处理意见书…), and which were issued' })
  @ApiOkResponse({ type: [PetitionDocumentView] })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND — also for a unit that does not handle it (logged)' })
  list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: StaffUser): Promise<PetitionDocumentView[]> {
    return this.documents.list(id, user);
  }

  @Get(':id/documents/:kind')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Download a document as DOCX (issued at its first download, the same file ever after); `reason` required, every download logged',
  })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND — also for a unit that does not handle it (logged)' })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_AVAILABLE: the petition has not reached the step the document states' })
  async download(
    @Param() params: DocumentParams,
    @Query() query: DocumentReasonQuery,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const doc = await this.documents.execute(params.id, params.kind, query.reason, user);
    return attachmentFile(doc.bytes, { contentType: DOCX_CONTENT_TYPE, fileName: doc.fileName });
  }
}
