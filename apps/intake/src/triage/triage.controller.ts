import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
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
  @ApiOperation({ summary: 'Triage a registered petition: dispatch, inform, forward, refuse or link as repeat' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: PetitionView })
  @ApiConflictResponse({ description: 'TRIAGE_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({ description: 'TRIAGE_LITIGATION_NOT_DISPATCHABLE, TRIAGE_RELATED_*' })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TriagePetitionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<PetitionView> {
    return this.triage.triage(id, body, user);
  }
}
