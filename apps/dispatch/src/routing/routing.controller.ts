import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { SkipIdempotency } from '@petition/service-kit';
import { ExplainRequestDto, ExplainView } from './dto/explain.dto';
import { RoutingRuleDto, RoutingRulePage, RoutingRuleQueryDto, RoutingRuleView, RuleChangeView } from './dto/routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A retried request with the same key returns the first result',
};

/** Routing rules: admins change them, dispatchers read them and ask why a petition goes where. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/routing')
export class RoutingController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get('rules')
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'Routing rules, by category' })
  @ApiOkResponse({ type: RoutingRulePage })
  list(@Query() query: RoutingRuleQueryDto): Promise<RoutingRulePage> {
    return this.rules.list(query);
  }

  @Post('rules')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({ summary: 'Add a routing rule (category × region × nature → units, track)' })
  @ApiCreatedResponse({ type: RoutingRuleView })
  create(@CurrentUser() user: StaffUser, @Body() dto: RoutingRuleDto): Promise<RoutingRuleView> {
    return this.rules.create(user, dto);
  }

  @Post('rules/:id/change')
  @Roles(Role.Admin)
  @ApiHeader(IDEMPOTENCY)
  @ApiOperation({
    summary: 'Change a rule: end it at effectiveFrom (default now) and add its successor; existing assignments keep the old rule',
  })
  @ApiCreatedResponse({ type: RuleChangeView })
  change(@CurrentUser() user: StaffUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RoutingRuleDto): Promise<RuleChangeView> {
    return this.rules.change(user, id, dto);
  }

  @Post('explain')
  @HttpCode(200)
  @Roles(Role.Dispatcher, Role.Supervisor)
  // A read that needs a body: nothing to deduplicate.
  @SkipIdempotency()
  @ApiOperation({ summary: 'Which rule would route this petition where, and why (writes nothing)' })
  @ApiOkResponse({ type: ExplainView })
  explain(@Body() dto: ExplainRequestDto): Promise<ExplainView> {
    return this.rules.explain(dto);
  }
}
