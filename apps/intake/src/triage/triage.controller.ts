import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { TriagePetitionDto } from './dto/triage-petition.dto';
import { RecordWrittenNoticeDto } from './dto/written-notice.dto';
import { TriageService } from './triage.service';

/** The clerk's triage decision. */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/petitions')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

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
