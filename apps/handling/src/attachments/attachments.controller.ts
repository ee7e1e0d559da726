import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Upload a file for a reply (lead unit, accepted): the body is the file’s bytes, its Content-Type the file’s type; at most ATTACHMENT_MAX_BYTES' })
  @ApiConsumes('application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: UploadedAttachmentView })
  @ApiBadRequestResponse({ description: 'ATTACHMENT_EMPTY, VALIDATION_FAILED' })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE' })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NOT_LEAD' })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited)' })
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: UploadAttachmentQuery,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: { body: unknown },
    @CurrentUser() user: StaffUser,
  ): Promise<UploadedAttachmentView> {
    return this.attachments.upload(user, id, { data: req.body, fileName: query.fileName, declaredType: contentType });
  }

  @Get(':attachmentId/content')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Download an uploaded attachment of the unit’s own work item' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (audited for other units’ items), ATTACHMENT_NOT_FOUND' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @CurrentUser() user: StaffUser,
  ): Promise<StreamableFile> {
    const { meta, data } = await this.attachments.download(user, id, attachmentId);
    return new StreamableFile(data, { type: meta.contentType, length: data.length, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}` });
  }
}
