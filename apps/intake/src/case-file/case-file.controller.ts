import { Controller, Get, Param, ParseUUIDPipe, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAttachmentDownload, attachmentFile } from '@petition/attachments';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { DownloadReasonQuery } from '../attachments/dto/attachment.query';
import { CaseFileView } from './dto/case-file.view';
import { DownloadCaseFileAttachmentUseCase } from './usecases/download-case-file-attachment.usecase';
import { ReadCaseFileUseCase } from './usecases/read-case-file.usecase';

/**
 * The whole petition for the units that handle it (and the bureau): content, attachments, linked
 * petitions. Handling calls it on behalf of a unit's staff, with their token; every read is logged.
 */
@ApiTags('case-file')
@ApiBearerAuth()
@Controller('api/petitions')
export class CaseFileController {
  constructor(
    private readonly readCaseFile: ReadCaseFileUseCase,
    private readonly downloadAttachment: DownloadCaseFileAttachmentUseCase,
  ) {}

  @Get(':id/case-file')
  @Roles(Role.Handler, Role.UnitHead, Role.Clerk, Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'The whole petition for its lead and co-handling units (and the bureau); `reason` required, every read logged' })
  @ApiOkResponse({ type: CaseFileView })
  @ApiNotFoundResponse({
    description: 'PETITION_NOT_FOUND — also for a unit that does not handle it, or the unit an accusation accuses (the attempt is logged)',
  })
  read(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DownloadReasonQuery,
    @CurrentUser() user: StaffUser,
  ): Promise<CaseFileView> {
    return this.readCaseFile.execute(id, query.reason, user);
  }

  @Get(':id/case-file/attachments/:attachmentId')
  @Roles(Role.Handler, Role.UnitHead, Role.Clerk, Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: "One of the petitioner's attachments, for those who may read the case file; `reason` required, logged" })
  @ApiAttachmentDownload()
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND (as for the case file); ATTACHMENT_NOT_FOUND' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Query() query: DownloadReasonQuery,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const { meta, data } = await this.downloadAttachment.execute(id, attachmentId, query.reason, user);
    return attachmentFile(data, meta);
  }
}
