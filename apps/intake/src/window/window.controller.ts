import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role, toOffsetIso } from '@petition/contracts';
import { SkipIdempotency, afterTimeAndId, keysetPage } from '@petition/service-kit';
import { RegisterPetitionDto } from '../petitions/dto/register-petition.dto';
import { LookupLogQuery } from './dto/lookup-log.query';
import { LookupPetitionerDto } from './dto/lookup-petitioner.dto';
import { PetitionerHistoryView, PetitionerLookupLogPage } from './dto/petitioner-history.view';
import { RegistrationPreviewView } from './dto/registration-preview.view';
import { PetitionerHistoryRepository } from './petitioner-history.repository';
import { LookupPetitionerUseCase } from './usecases/lookup-petitioner.usecase';
import { PreviewRegistrationUseCase } from './usecases/preview-registration.usecase';

/** The reception window: who is this person, what did they raise before, what would registering this do. */
@ApiTags('window')
@ApiBearerAuth()
@Controller('api')
export class WindowController {
  constructor(
    private readonly lookup: LookupPetitionerUseCase,
    private readonly preview: PreviewRegistrationUseCase,
    private readonly history: PetitionerHistoryRepository,
  ) {}

  @Post('petitioners/lookup')
  @HttpCode(200)
  @Roles(Role.Clerk)
  // A read: nothing to replay, and the audit row is wanted for every lookup made.
  @SkipIdempotency()
  @ApiOperation({
    summary:
      'Look a petitioner up by ID number, phone, or name + region (audited with its reason): their petitions, status, outcome, open windows',
  })
  @ApiOkResponse({ type: PetitionerHistoryView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: exactly one identity, and a reason' })
  lookUp(@Body() body: LookupPetitionerDto, @CurrentUser() user: StaffUser): Promise<PetitionerHistoryView> {
    return this.lookup.execute(body, user);
  }

  @Post('petitions/preview')
  @HttpCode(200)
  @Roles(Role.Clerk)
  @SkipIdempotency()
  @ApiOperation({ summary: 'What registering this petition would do — repeat, open matters, emergency — without saving anything' })
  @ApiOkResponse({ type: RegistrationPreviewView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, as the registration itself would answer' })
  previewRegistration(@Body() body: RegisterPetitionDto, @CurrentUser() user: StaffUser): Promise<RegistrationPreviewView> {
    return this.preview.execute(body, user);
  }

  @Get('petitioners/lookups')
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'The audit log of petitioner lookups and previews, newest first' })
  @ApiOkResponse({ type: PetitionerLookupLogPage })
  async lookups(@Query() query: LookupLogQuery): Promise<PetitionerLookupLogPage> {
    const limit = query.limit ?? 50;
    const rows = await this.history.log(limit + 1, afterTimeAndId(query.cursor), {
      actor: query.actor,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return keysetPage(
      rows,
      limit,
      (r) => ({ ...r, at: toOffsetIso(r.at) }),
      (r) => [r.at.toISOString(), r.id],
    );
  }
}
