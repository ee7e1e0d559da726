import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
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
import { UploadAttachmentQuery, UploadedAttachmentView } from './dto/attachment.dto';

/** Files for the lead unit's replies. */
@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/work-items/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ReadsRawUpload()
  @ApiOperation({
    summary:
      'Upload a file for a reply (lead unit, accepted): the body is the file’s bytes, its Content-Type the file’s type; PDF, JPEG, PNG, DOC/DOCX, MP3/AMR, recognised from the bytes; at most ATTACHMENT_MAX_BYTES',
  })
  @ApiRawUpload(ACCEPTED_UPLOAD_TYPES)
  @ApiCreatedResponse({ type: UploadedAttachmentView })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TYPE_MISMATCH' })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NOT_LEAD' })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited)' })
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: UploadAttachmentQuery,
    @RawUpload() body: RawUploadBody,
    @CurrentUser() user: StaffUser,
  ): Promise<UploadedAttachmentView> {
    return this.attachments.upload(user, id, { data: body.data, fileName: query.fileName, declaredType: body.declaredType });
  }

  @Get(':attachmentId/content')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Download an uploaded attachment of the unit’s own work item' })
  @ApiAttachmentDownload()
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (audited for other units’ items), ATTACHMENT_NOT_FOUND' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const { meta, data } = await this.attachments.download(user, id, attachmentId);
    return attachmentFile(data, meta);
  }
}
