import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ContactService } from './contact.service';
import { ContactAccessView, ContactReasonQuery, PetitionContactView } from './dto/contact.dto';

/** The petitioner's full contact data, for those entitled to it, with a stated reason. */
@ApiTags('contact')
@ApiBearerAuth()
@Controller('api/petitions')
export class ContactController {
  constructor(private readonly contact: ContactService) {}

  @Get(':id/contact')
  @Roles(Role.Clerk, Role.Supervisor, Role.Handler, Role.UnitHead)
  @ApiOperation({
    summary:
      'Full contact data (audited, refusals too; `reason` required). Units only while they lead the current assignment, never for accusations',
  })
  @ApiOkResponse({ type: PetitionContactView })
  @ApiNotFoundResponse({
    description: 'PETITION_NOT_FOUND: no such petition, or one the caller’s unit does not lead (the same answer, so neither can be probed)',
  })
  @ApiForbiddenResponse({ description: 'CONTACT_CONFIDENTIAL_ACCUSATION: the lead unit of an accusation (条例 Art. 30)' })
  read(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: ContactReasonQuery,
    @CurrentUser() user: StaffUser,
  ): Promise<PetitionContactView> {
    return this.contact.read(id, query.reason, user);
  }

  @Get(':id/contact-access-log')
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'Who read the contact data of a petition, when and why' })
  @ApiOkResponse({ type: [ContactAccessView] })
  log(@Param('id', new ParseUUIDPipe()) id: string): Promise<ContactAccessView[]> {
    return this.contact.accessLog(id);
  }
}
