import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
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
import { ReadReasonQuery } from '../intake/read-reason.query';
import { PetitionerDocumentParams } from './dto/document-params';
import { DownloadAssignmentSheetUseCase } from './usecases/download-assignment-sheet.usecase';
import { DownloadPetitionerDocumentUseCase } from './usecases/download-petitioner-document.usecase';

const NOT_FOUND = 'WORK_ITEM_NOT_FOUND — also for other units’ items and returned ones (audited)';

/** The documents of the matter a unit handles: its 交办单, and the petitioner's documents from intake. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/work-items')
export class DocumentsController {
  constructor(
    private readonly assignmentSheet: DownloadAssignmentSheetUseCase,
    private readonly petitionerDocument: DownloadPetitionerDocumentUseCase,
  ) {}

  @Get(':id/documents/assignment-sheet')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({
    summary:
      'The 交办单 of the unit’s own work item (lead or co-handler) as DOCX: issued at its first download from the current template, the same file ever after; `reason` required, every download logged',
  })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'Content-Disposition names it 交办单-<trackingNo>.docx' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a missing or blank reason (4–500 characters), a malformed id' })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NO_UNIT: the token names no unit' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; PETITION_NOT_FOUND from intake` })
  @ApiConflictResponse({
    description: 'DOCUMENT_NOT_AVAILABLE: the directory has not yet named a unit the sheet must name (try again shortly)',
  })
  @ApiBadGatewayResponse({
    description: 'INTAKE_UNAVAILABLE: the first download reads the case file from intake, which is down, slow or failing',
  })
  async downloadAssignmentSheet(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ReadReasonQuery,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const doc = await this.assignmentSheet.execute(user, id, query.reason, authorization);
    return attachmentFile(doc.bytes, { contentType: DOCX_CONTENT_TYPE, fileName: doc.fileName });
  }

  @Get(':id/documents/petitioner/:kind')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({
    summary:
      'A petitioner document of the unit’s own matter (受理告知书, 处理意见书…) as DOCX, from intake with the caller’s token (issued and logged there); `reason` required',
  })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown kind, a missing or blank reason, a malformed id' })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NO_UNIT: the token names no unit' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; PETITION_NOT_FOUND from intake` })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_AVAILABLE from intake: the matter has not reached the step the document states' })
  @ApiBadGatewayResponse({ description: 'INTAKE_UNAVAILABLE: intake is down, slow or failing' })
  async downloadPetitionerDocument(
    @Param() params: PetitionerDocumentParams,
    @Query() query: ReadReasonQuery,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const file = await this.petitionerDocument.execute(user, params.id, params.kind, query.reason, authorization);
    return new StreamableFile(file.data, {
      type: file.contentType,
      length: file.data.length,
      disposition: file.disposition ?? 'attachment',
    });
  }
}
