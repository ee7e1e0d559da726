import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ClaimInTransaction } from '@petition/service-kit';
import { ListPetitionsQuery } from './dto/list-petitions.query';
import { PetitionPage, PetitionView } from './dto/petition.view';
import { RegisterPetitionDto } from './dto/register-petition.dto';
import { RegistrationView } from './dto/registration.view';
import { PetitionsService } from './petitions.service';

/** Staff registration and lookup of petitions. */
@ApiTags('petitions')
@ApiBearerAuth()
@Controller('api/petitions')
export class PetitionsController {
  constructor(private readonly petitions: PetitionsService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Clerk)
  // The registration claims its Idempotency-Key in the statement that records it.
  @ClaimInTransaction()
  @ApiOperation({ summary: 'Register a petition (登记) from a visit, letter, call or transcribed online/hotline contact' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A retried request with the same key returns the first result' })
  @ApiCreatedResponse({ type: RegistrationView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field-level details' })
  register(@Body() body: RegisterPetitionDto, @CurrentUser() user: StaffUser): Promise<RegistrationView> {
    return this.petitions.register(body, user);
  }

  @Get()
  @Roles(Role.Clerk, Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'List petitions, newest first, with filters' })
  @ApiOkResponse({ type: PetitionPage })
  list(@Query() query: ListPetitionsQuery, @CurrentUser() user: StaffUser): Promise<PetitionPage> {
    return this.petitions.list(query, user);
  }

  @Get(':id')
  @Roles(Role.Clerk, Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'One petition (PII masked)' })
  @ApiOkResponse({ type: PetitionView })
  @ApiNotFoundResponse({ description: 'PETITION_NOT_FOUND' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PetitionView> {
    return this.petitions.get(id);
  }
}
