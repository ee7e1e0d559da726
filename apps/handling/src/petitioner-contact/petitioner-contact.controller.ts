import { Controller, Get, Headers, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ReadReasonQuery } from '../intake/read-reason.query';
import { PetitionerContactView } from './dto/petitioner-contact.dto';
import { ReadPetitionerContactUseCase } from './usecases/read-petitioner-contact.usecase';

/** The petitioner's contact data for the lead unit, fetched from intake (audited there). */
@ApiTags('petitioner-contact')
@ApiBearerAuth()
@Controller('api/work-items')
export class PetitionerContactController {
  constructor(private readonly readContact: ReadPetitionerContactUseCase) {}

  @Get(':id/petitioner-contact')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'The petitioner’s full contact data (lead unit only; `reason` required; intake audits every read)' })
  @ApiOkResponse({ type: PetitionerContactView })
  @ApiForbiddenResponse({
    description: 'WORK_ITEM_NOT_LEAD; or intake’s refusal passed on: CONTACT_CONFIDENTIAL_ACCUSATION',
  })
  @ApiNotFoundResponse({
    description:
      'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited); or intake’s PETITION_NOT_FOUND, passed on when intake no longer counts the unit as the lead (logged by intake)',
  })
  @ApiBadGatewayResponse({ description: 'INTAKE_UNAVAILABLE: intake is down, slow or failing' })
  read(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ReadReasonQuery,
    @Headers('authorization') authorization: string,
    @CurrentUser() user: StaffUser,
  ): Promise<PetitionerContactView> {
    return this.readContact.execute(user, id, query.reason, authorization);
  }
}
