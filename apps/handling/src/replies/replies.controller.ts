import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ReplyView, SubmitReplyDto } from './dto/reply.dto';
import { SubmitReplyUseCase } from './usecases/submit-reply.usecase';

/** The lead unit's reply (decision letter). */
@ApiTags('replies')
@ApiBearerAuth()
@Controller('api/work-items')
export class RepliesController {
  constructor(private readonly submitReply: SubmitReplyUseCase) {}

  @Post(':id/reply')
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({
    summary: 'Reply with a decision letter (lead unit; accepted or in rework): completes the deadline in force, goes to result review',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: ReplyView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field reasons' })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NOT_LEAD: co-handlers contribute, they do not reply' })
  @ApiConflictResponse({ description: 'WORK_ITEM_WRONG_STATE: not accepted, already replied, returned, closed, or a return is waiting' })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited)' })
  reply(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitReplyDto, @CurrentUser() user: StaffUser): Promise<ReplyView> {
    return this.submitReply.execute(user, id, body);
  }
}
