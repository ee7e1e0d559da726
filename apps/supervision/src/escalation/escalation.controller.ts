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
import { PageQueryDto } from '@petition/service-kit';
import {
  AnswerSupervisionOrderDto,
  IssueSupervisionOrderDto,
  IssueUrgeDto,
  SupervisionOrderPage,
  SupervisionOrderQueryDto,
  SupervisionOrderView,
  UnitRecordPage,
  UrgeView,
} from './dto/escalation.dto';
import { EscalationService } from './escalation.service';

/** Urges (催办), supervision orders (督办单, 挂牌督办) and each unit's supervision record. */
@ApiTags('supervision-orders')
@ApiBearerAuth()
@Controller('api')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  @Post('urges')
  @HttpCode(201)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Send an urge notice (催办) to a unit (supervisor); publishes urge.issued' })
  @ApiCreatedResponse({ type: UrgeView })
  urge(@Body() body: IssueUrgeDto, @CurrentUser() user: StaffUser): Promise<UrgeView> {
    return this.escalation.issueUrge(user, body);
  }

  @Post('supervision-orders')
  @HttpCode(201)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Issue a supervision order or flagged supervision (supervisor), answer due in 5 working days' })
  @ApiCreatedResponse({ type: SupervisionOrderView })
  order(@Body() body: IssueSupervisionOrderDto, @CurrentUser() user: StaffUser): Promise<SupervisionOrderView> {
    return this.escalation.issueOrder(user, body);
  }

  @Post('supervision-orders/:id/answer')
  @HttpCode(200)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: "Answer a supervision order of the caller's own unit; publishes supervision_order.answered" })
  @ApiOkResponse({ type: SupervisionOrderView })
  @ApiNotFoundResponse({ description: 'SUPERVISION_ORDER_NOT_FOUND (also for other units’ orders)' })
  @ApiConflictResponse({ description: 'SUPERVISION_ORDER_ALREADY_ANSWERED' })
  answer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnswerSupervisionOrderDto,
    @CurrentUser() user: StaffUser,
  ): Promise<SupervisionOrderView> {
    return this.escalation.answer(user, id, body);
  }

  @Get('supervision-orders')
  @Roles(Role.Supervisor, Role.Analyst, Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Supervision orders, newest first; unit staff see only their own unit' })
  @ApiOkResponse({ type: SupervisionOrderPage })
  @ApiForbiddenResponse({ description: 'UNIT_SCOPE_FORBIDDEN' })
  list(@Query() query: SupervisionOrderQueryDto, @CurrentUser() user: StaffUser): Promise<SupervisionOrderPage> {
    return this.escalation.listOrders(user, query);
  }

  @Get('units/:unitId/record')
  @Roles(Role.Supervisor, Role.Analyst, Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: "A unit's supervision record: urges, orders, flagged supervision and overdue deadlines, newest first" })
  @ApiOkResponse({ type: UnitRecordPage })
  @ApiForbiddenResponse({ description: 'UNIT_SCOPE_FORBIDDEN (unit staff asking about another unit)' })
  record(
    @Param('unitId', new ParseUUIDPipe()) unitId: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: StaffUser,
  ): Promise<UnitRecordPage> {
    return this.escalation.unitRecord(user, unitId, page.limit, page.cursor);
  }
}
