import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import {
  DecideExtensionDto,
  ExtensionRequestPage,
  ExtensionRequestQuery,
  ExtensionRequestView,
  RequestExtensionDto,
} from './dto/extension.dto';
import { ExtensionsService } from './extensions.service';

/** Extension requests of the handling deadline, and the unit head's decision. */
@ApiTags('extensions')
@ApiBearerAuth()
@Controller('api')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  @Get('extension-requests')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: "The unit's extension requests, oldest first; status=pending is what waits for the unit head" })
  @ApiOkResponse({ type: ExtensionRequestPage })
  list(@Query() query: ExtensionRequestQuery, @CurrentUser() user: StaffUser): Promise<ExtensionRequestPage> {
    return this.extensions.list(user, query);
  }

  @Post('work-items/:id/extension-requests')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Ask for more handling time (lead unit, before the deadline, once, ≤ 30 days)' })
  @ApiCreatedResponse({ type: ExtensionRequestView })
  @ApiConflictResponse({ description: 'EXTENSION_NOT_ALLOWED with the rule that refuses it; WORK_ITEM_WRONG_STATE' })
  request(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestExtensionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ExtensionRequestView> {
    return this.extensions.request(user, id, body);
  }

  @Post('extension-requests/:id/approve')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @HttpCode(200)
  @Roles(Role.UnitHead)
  @ApiOperation({ summary: 'Approve (unit head): the handling deadline moves by the days asked' })
  @ApiOkResponse({ type: ExtensionRequestView })
  @ApiNotFoundResponse({ description: 'EXTENSION_REQUEST_NOT_FOUND (also for other units’ requests)' })
  @ApiConflictResponse({ description: 'EXTENSION_ALREADY_DECIDED; EXTENSION_NOT_ALLOWED (e.g. the deadline passed meanwhile)' })
  @ApiForbiddenResponse({
    description: 'EXTENSION_OWN_REQUEST (the unit head asked for it: another head decides); AUTH_FORBIDDEN (not a unit head)',
  })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideExtensionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ExtensionRequestView> {
    return this.extensions.decide(user, id, true, body);
  }

  @Post('extension-requests/:id/deny')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @HttpCode(200)
  @Roles(Role.UnitHead)
  @ApiOperation({ summary: 'Deny (unit head): the deadline stays' })
  @ApiOkResponse({ type: ExtensionRequestView })
  @ApiNotFoundResponse({ description: 'EXTENSION_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EXTENSION_ALREADY_DECIDED' })
  @ApiForbiddenResponse({
    description: 'EXTENSION_OWN_REQUEST (the unit head asked for it: another head decides); AUTH_FORBIDDEN (not a unit head)',
  })
  deny(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideExtensionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ExtensionRequestView> {
    return this.extensions.decide(user, id, false, body);
  }
}
