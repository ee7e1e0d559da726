import { Body, Controller, Headers, HttpCode, Ip, Param, Post, Query, Req, UseInterceptors, type StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { attachmentFile, ReadsRawUpload } from '@petition/attachments';
import { Public } from '@petition/auth';
import { DOCX_CONTENT_TYPE } from '@petition/documents';
import { SkipIdempotency } from '@petition/service-kit';
import { UploadAttachmentQuery } from '../attachments/dto/attachment.query';
import { AttachmentView } from '../attachments/dto/attachment.view';
import { ACCEPTED_UPLOAD_TYPES } from '../attachments/raw-upload.middleware';
import { PublicDocumentDto } from '../documents/dto/document.dto';
import { PublicPetitionView, PublicReceiptView, PublicSubmissionView } from './dto/public-petition.view';
import { PublicLookupDto, RequestAppealDto, SubmitEvaluationDto } from './dto/public-requests.dto';
import { SubmitOnlinePetitionDto } from './dto/submit-online-petition.dto';
import { PublicService } from './public.service';
import { RetryAfterInterceptor } from './retry-after.interceptor';

/** The petitioner's own endpoints: no staff account; the tracking number and query code authenticate. */
@ApiTags('public')
@Public()
@UseInterceptors(RetryAfterInterceptor)
@Controller('api/public/petitions')
export class PublicController {
  constructor(private readonly service: PublicService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a petition online (网上信访); it waits for a clerk’s triage' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicSubmissionView })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMITED, with Retry-After' })
  submit(@Body() body: SubmitOnlinePetitionDto, @Ip() ip: string): Promise<PublicSubmissionView> {
    return this.service.submit(body, ip);
  }

  @Post('lookup')
  @HttpCode(200)
  // A read: a repeated lookup is answered again, never replayed.
  @SkipIdempotency()
  @ApiOperation({
    summary:
      'Follow a petition with the tracking number and query code in the body: status, timeline, acceptance, extensions and their reasons, the decision letter once delivered, appeal decisions',
  })
  @ApiOkResponse({ type: PublicPetitionView })
  @ApiNotFoundResponse({ description: 'PUBLIC_PETITION_NOT_FOUND (also for a wrong query code)' })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMITED' })
  lookupByBody(@Body() body: PublicLookupDto, @Ip() ip: string): Promise<PublicPetitionView> {
    return this.service.lookup(body.trackingNo, body.queryCode, ip);
  }

  @Post('documents')
  @HttpCode(200)
  @SkipIdempotency()
  @ApiOperation({
    summary:
      'Download one’s own document as DOCX (受理告知书, 告知书, 处理意见书, 复查/复核意见书…), the tracking number and query code in the body; logged',
  })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'PUBLIC_PETITION_NOT_FOUND (also for a wrong query code)' })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_AVAILABLE' })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMITED' })
  async document(@Body() body: PublicDocumentDto, @Ip() ip: string): Promise<StreamableFile> {
    const doc = await this.service.document(body, ip);
    return attachmentFile(doc.bytes, { contentType: DOCX_CONTENT_TYPE, fileName: doc.fileName });
  }

  @Post(':trackingNo/evaluations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Evaluate the reply (满意度评价)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicReceiptView })
  @ApiConflictResponse({ description: 'PUBLIC_EVALUATION_NOT_POSSIBLE' })
  @ApiUnprocessableEntityResponse({ description: 'PUBLIC_REQUEST_WINDOW_CLOSED: the evaluation period has passed' })
  evaluate(@Param('trackingNo') trackingNo: string, @Body() body: SubmitEvaluationDto, @Ip() ip: string): Promise<PublicReceiptView> {
    return this.service.evaluate(trackingNo, body, ip);
  }

  @Post(':trackingNo/appeals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Request a review (复查) or re-examination (复核)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicReceiptView })
  @ApiConflictResponse({ description: 'PUBLIC_APPEAL_NOT_POSSIBLE' })
  @ApiUnprocessableEntityResponse({ description: 'PUBLIC_REQUEST_WINDOW_CLOSED: review_request / reexam_request has passed' })
  appeal(@Param('trackingNo') trackingNo: string, @Body() body: RequestAppealDto, @Ip() ip: string): Promise<PublicReceiptView> {
    return this.service.appeal(trackingNo, body, ip);
  }

  @Post(':trackingNo/attachments')
  @HttpCode(201)
  @ReadsRawUpload()
  @ApiOperation({
    summary:
      'Add a file to one’s own open petition: the body is the file’s bytes (PDF, JPEG, PNG, DOC/DOCX, MP3/AMR, at most 10 MB), the query code in the X-Query-Code header (never in the URL)',
  })
  @ApiConsumes(...ACCEPTED_UPLOAD_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiHeader({ name: 'X-Query-Code', required: true, description: 'The query code given at registration', example: 'K7M2Q9XP' })
  @ApiNotFoundResponse({ description: 'PUBLIC_PETITION_NOT_FOUND (also for a wrong query code)' })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMITED' })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE' })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TYPE_MISMATCH' })
  @ApiConflictResponse({ description: 'PUBLIC_UPLOAD_NOT_POSSIBLE' })
  attach(
    @Param('trackingNo') trackingNo: string,
    @Query() query: UploadAttachmentQuery,
    @Headers('x-query-code') queryCode: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: { body: unknown },
    @Ip() ip: string,
  ): Promise<AttachmentView> {
    return this.service.attach(trackingNo, { queryCode, fileName: query.fileName, data: req.body as Buffer, contentType }, ip);
  }
}
