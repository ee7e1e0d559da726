import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ApproveReviewDto, RecordDeliveryDto, ReturnReviewDto } from './dto/review-decision.dto';
import { ReviewQueryDto } from './dto/review-query.dto';
import { ReviewPage, ReviewView } from './dto/review.view';
import { ReviewsService } from './reviews.service';
import { ApproveReviewUseCase } from './usecases/approve-review.usecase';
import { RecordDeliveryUseCase } from './usecases/record-delivery.usecase';
import { ReturnReviewUseCase } from './usecases/return-review.usecase';

/** Result review (审核) of replies, and their delivery to the petitioner (反馈). Supervisors only. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly approveReview: ApproveReviewUseCase,
    private readonly returnReview: ReturnReviewUseCase,
    private readonly recordDelivery: RecordDeliveryUseCase,
  ) {}

  @Get()
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'The review queue, oldest reply first; filter by status, lead unit or petition' })
  @ApiOkResponse({ type: ReviewPage })
  list(@Query() query: ReviewQueryDto): Promise<ReviewPage> {
    return this.reviews.list(query);
  }

  @Get(':id')
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'One review with the letter it judges' })
  @ApiOkResponse({ type: ReviewView })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReviewView> {
    return this.reviews.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Approve the reply (审核通过): review.approved, reply_delivery starts; online delivery also delivers at once (reply.delivered)',
  })
  @ApiOkResponse({ type: ReviewView })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_ALREADY_DECIDED (also when a newer round superseded it)' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApproveReviewDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ReviewView> {
    return this.approveReview.execute(user, id, body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Return the reply for rework (退回重办) with a reason: review.returned, rework due in handling_fast (10 working days)',
  })
  @ApiOkResponse({ type: ReviewView })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REVIEW_ALREADY_DECIDED' })
  returnForRework(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReturnReviewDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ReviewView> {
    return this.returnReview.execute(user, id, body);
  }

  @Post(':id/delivered')
  @HttpCode(200)
  @Roles(Role.Supervisor, Role.Clerk)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Record when a reply sent by post or in person reached the petitioner: reply.delivered, callback and review window start',
  })
  @ApiOkResponse({ type: ReviewView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: deliveredAt in the future or before the approval' })
  @ApiConflictResponse({ description: 'REVIEW_NOT_APPROVED; REPLY_ALREADY_DELIVERED' })
  delivered(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordDeliveryDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ReviewView> {
    return this.recordDelivery.execute(user, id, body);
  }
}
