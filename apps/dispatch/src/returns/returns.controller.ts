import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ConfirmReturnDto, RejectReturnDto, RequestReturnDto, ReturnPage, ReturnQueryDto, ReturnView } from './dto/returns.dto';
import { ReturnsService } from './returns.service';
import { ConfirmReturnUseCase } from './usecases/confirm-return.usecase';

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A retried request with the same key returns the first result',
};

/** Returns of misrouted assignments (退回): units ask, dispatchers decide. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('api')
export class ReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly confirmReturn: ConfirmReturnUseCase,
  ) {}

  @Post('assignments/:id/returns')
  @Roles(Role.Handler, Role.UnitHead)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'The lead unit returns a misrouted assignment within its return window (5 working days)' })
  @ApiCreatedResponse({ type: ReturnView })
  request(@CurrentUser() user: StaffUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestReturnDto): Promise<ReturnView> {
    return this.returns.request(user, id, dto.reason);
  }

  @Get('returns')
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'Return requests by status, oldest first' })
  @ApiOkResponse({ type: ReturnPage })
  list(@Query() query: ReturnQueryDto): Promise<ReturnPage> {
    return this.returns.list(query);
  }

  @Post('returns/:id/confirm')
  @HttpCode(200)
  @Roles(Role.Dispatcher)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Confirm a return: the assignment is returned (not counted against the unit) and the matter re-dispatched' })
  @ApiOkResponse({ type: ReturnView })
  confirm(@CurrentUser() user: StaffUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmReturnDto): Promise<ReturnView> {
    return this.confirmReturn.execute(user, id, dto);
  }

  @Post('returns/:id/reject')
  @HttpCode(200)
  @Roles(Role.Dispatcher)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Reject a return: the assignment stays with the unit' })
  @ApiOkResponse({ type: ReturnView })
  reject(@CurrentUser() user: StaffUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectReturnDto): Promise<ReturnView> {
    return this.returns.reject(user, id, dto);
  }
}
