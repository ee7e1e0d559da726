import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ACCEPTED_UPLOAD_TYPES,
  ApiAttachmentDownload,
  ApiRawUpload,
  attachmentFile,
  RawUpload,
  ReadsRawUpload,
  type RawUploadBody,
} from '@petition/attachments';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AttachmentsService } from './attachments.service';
import { DownloadReasonQuery, UploadAttachmentQuery } from './dto/attachment.query';
import { AttachmentView } from './dto/attachment.view';

/** Staff upload, list and audited download of a petition's attachments. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/petitions/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Clerk)
  @ReadsRawUpload()
  @ApiOperation({
    summary: 'Attach a file: the body is the file’s bytes; PDF, JPEG, PNG, DOC/DOCX, MP3/AMR, at most ATTACHMENT_MAX_BYTES (10 MB)',
  })
  @ApiRawUpload(ACCEPTED_UPLOAD_TYPES)
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TYPE_MISMATCH' })
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: UploadAttachmentQuery,
    @RawUpload() body: RawUploadBody,
    @CurrentUser() user: StaffUser,
  ): Promise<AttachmentView> {
    return this.attachments.attach(id, { data: body.data, declaredContentType: body.declaredType, fileName: query.fileName }, user.sub);
  }

  @Get()
  @Roles(Role.Clerk, Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'The attachments of a petition (metadata only)' })
  @ApiOkResponse({ type: [AttachmentView] })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND' })
  list(@Param('id', new ParseUUIDPipe()) id: string): Promise<AttachmentView[]> {
    return this.attachments.list(id);
  }

  @Get(':attachmentId/content')
  @Roles(Role.Clerk, Role.Supervisor)
  @ApiOperation({ summary: 'Download an attachment (audited with the stated `reason`; bureau staff only)' })
  @ApiAttachmentDownload()
  @ApiNotFoundResponse({ description: 'ATTACHMENT_NOT_FOUND' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Query() query: DownloadReasonQuery,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const { meta, data } = await this.attachments.download(id, attachmentId, query.reason, user);
    return attachmentFile(data, meta);
  }
}
