import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AppealsService } from './appeals.service';
import { AppealQueryDto, DecideAppealDto, FileAppealDto, RecordHearingDto } from './dto/appeal.dto';
import { AppealPage, AppealView } from './dto/appeal.view';
import { DecideAppealUseCase } from './usecases/decide-appeal.usecase';
import { FileAppealUseCase } from './usecases/file-appeal.usecase';
import { RecordHearingUseCase } from './usecases/record-hearing.usecase';

/** Review (复查) and re-examination (复核) requests, hearings and decisions. */
@ApiTags('appeals')
@ApiBearerAuth()
@Controller('api/appeals')
export class AppealsController {
  constructor(
    private readonly appeals: AppealsService,
    private readonly fileAppeal: FileAppealUseCase,
    private readonly recordHearing: RecordHearingUseCase,
    private readonly decideAppeal: DecideAppealUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Clerk, Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Register a paper or window request: the window is checked at receivedAt, then appeal.filed with its decision deadline',
  })
  @ApiCreatedResponse({ type: AppealView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (e.g. receivedAt in the future)' })
  @ApiNotFoundResponse({ description: 'MATTER_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'APPEAL_NO_DELIVERED_REPLY; APPEAL_REVIEW_NOT_DECIDED; APPEAL_ALREADY_FILED; APPEAL_MATTER_CONCLUDED',
  })
  @ApiUnprocessableEntityResponse({ description: 'APPEAL_WINDOW_CLOSED: received after review_request / reexam_request ended' })
  file(@Body() body: FileAppealDto, @CurrentUser() user: StaffUser): Promise<AppealView> {
    return this.fileAppeal.register(user, body);
  }

  @Get()
  @Roles(Role.Supervisor, Role.Clerk)
  @ApiOperation({ summary: 'Appeals, oldest registration first; filter by status, kind or petition' })
  @ApiOkResponse({ type: AppealPage })
  list(@Query() query: AppealQueryDto): Promise<AppealPage> {
    return this.appeals.list(query);
  }

  @Get(':id')
  @Roles(Role.Supervisor, Role.Clerk)
  @ApiOperation({ summary: 'One appeal with its decision deadline and hearings' })
  @ApiOkResponse({ type: AppealView })
  @ApiNotFoundResponse({ description: 'APPEAL_NOT_FOUND' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AppealView> {
    return this.appeals.get(id);
  }

  @Post(':id/hearings')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Record a hearing of a re-examination (paused time, 条例 Art. 36): the decision deadline moves; appeal.hearing_recorded',
  })
  @ApiOkResponse({ type: AppealView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: to not after from, or in the future' })
  @ApiConflictResponse({
    description: 'APPEAL_NOT_REEXAMINATION; APPEAL_NOT_OPEN; APPEAL_HEARING_REJECTED (libs/deadlines: after the deadline, out of order)',
  })
  hearing(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordHearingDto,
    @CurrentUser() user: StaffUser,
  ): Promise<AppealView> {
    return this.recordHearing.execute(user, id, body);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Decide: appeal.decided (after a review the reexam_request window runs); a re-examination also concludes the matter (petition.concluded)',
  })
  @ApiOkResponse({ type: AppealView })
  @ApiNotFoundResponse({ description: 'APPEAL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'APPEAL_NOT_OPEN: already decided or refused' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideAppealDto, @CurrentUser() user: StaffUser): Promise<AppealView> {
    return this.decideAppeal.execute(user, id, body);
  }
}
