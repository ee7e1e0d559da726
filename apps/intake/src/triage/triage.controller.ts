import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { PetitionView } from '../petitions/dto/petition.view';
import { RepeatCandidateView } from './dto/repeat-candidate.view';
import { TriagePetitionDto } from './dto/triage-petition.dto';
import { RecordWrittenNoticeDto } from './dto/written-notice.dto';
import { TriageService } from './triage.service';
import { ListRepeatCandidatesUseCase } from './usecases/list-repeat-candidates.usecase';

/** The clerk's triage decision. */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/petitions')
export class TriageController {
  constructor(
    private readonly triage: TriageService,
    private readonly repeatCandidates: ListRepeatCandidatesUseCase,
  ) {}

  @Get(':id/repeat-candidates')
  @Roles(Role.Clerk, Role.Supervisor)
  @ApiOperation({
    summary:
      'Earlier petitions this one may repeat (same phone or ID number, category and district, similar text), verified or not, most similar first; logged like a window lookup. Online submissions are never linked automatically: the clerk decides with these',
  })
  @ApiOkResponse({ type: [RepeatCandidateView] })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND' })
  candidates(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: StaffUser): Promise<RepeatCandidateView[]> {
    return this.repeatCandidates.execute(id, user);
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Roles(Role.Clerk)
  @ApiOperation({ summary: 'Triage a registered petition: dispatch, inform, forward, refuse, link as repeat or answer on the spot' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: PetitionView })
  @ApiConflictResponse({ description: 'TRIAGE_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({
    description: 'TRIAGE_LITIGATION_NOT_DISPATCHABLE, TRIAGE_RELATED_*, TRIAGE_NOT_ANSWERABLE_ON_THE_SPOT',
  })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TriagePetitionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<PetitionView> {
    return this.triage.triage(id, body, user);
  }

  @Post(':id/written-notice')
  @HttpCode(200)
  @Roles(Role.Clerk)
  @ApiOperation({
    summary:
      'Record that the written notice of a decision not to accept (告知/转送/不再受理/重复) reached the petitioner (条例 Art. 22: within 15 days)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: PetitionView })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'WRITTEN_NOTICE_NOT_OWED, WRITTEN_NOTICE_ALREADY_GIVEN' })
  recordWrittenNotice(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordWrittenNoticeDto,
    @CurrentUser() user: StaffUser,
  ): Promise<PetitionView> {
    return this.triage.recordWrittenNotice(id, body, user);
  }
}
