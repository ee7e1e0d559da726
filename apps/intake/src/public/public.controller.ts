import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@petition/auth';
import { PublicPetitionView, PublicReceiptView, PublicSubmissionView } from './dto/public-petition.view';
import { PublicLookupQuery, RequestAppealDto, SubmitEvaluationDto } from './dto/public-requests.dto';
import { SubmitOnlinePetitionDto } from './dto/submit-online-petition.dto';
import { PublicService } from './public.service';

/** The petitioner's own endpoints: no staff account; the tracking number and query code authenticate. */
@ApiTags('public')
@Public()
@Controller('api/public/petitions')
export class PublicController {
  constructor(private readonly service: PublicService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a petition online (网上信访); it waits for a clerk’s triage' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicSubmissionView })
  submit(@Body() body: SubmitOnlinePetitionDto): Promise<PublicSubmissionView> {
    return this.service.submit(body);
  }

  @Get(':trackingNo')
  @ApiOperation({ summary: 'Follow a petition: status and timeline, without personal data' })
  @ApiOkResponse({ type: PublicPetitionView })
  @ApiNotFoundResponse({ description: 'PUBLIC_PETITION_NOT_FOUND (also for a wrong query code)' })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMITED' })
  lookup(@Param('trackingNo') trackingNo: string, @Query() query: PublicLookupQuery, @Ip() ip: string): Promise<PublicPetitionView> {
    return this.service.lookup(trackingNo, query.queryCode, ip);
  }

  @Post(':trackingNo/evaluations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Evaluate the reply (满意度评价)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicReceiptView })
  @ApiConflictResponse({ description: 'PUBLIC_EVALUATION_NOT_POSSIBLE' })
  evaluate(@Param('trackingNo') trackingNo: string, @Body() body: SubmitEvaluationDto, @Ip() ip: string): Promise<PublicReceiptView> {
    return this.service.evaluate(trackingNo, body, ip);
  }

  @Post(':trackingNo/appeals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Request a review (复查) or re-examination (复核)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: PublicReceiptView })
  @ApiConflictResponse({ description: 'PUBLIC_APPEAL_NOT_POSSIBLE' })
  appeal(@Param('trackingNo') trackingNo: string, @Body() body: RequestAppealDto, @Ip() ip: string): Promise<PublicReceiptView> {
    return this.service.appeal(trackingNo, body, ip);
  }
}
