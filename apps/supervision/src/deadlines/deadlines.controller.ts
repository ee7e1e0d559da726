import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { DeadlineQueryDto } from './dto/deadline-query.dto';
import { DeadlinePage } from './dto/deadline.view';
import { DeadlinesService } from './deadlines.service';

/** Every deadline supervision tracks, with its flags and escalation step. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @Roles(Role.Supervisor, Role.Analyst, Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Tracked deadlines, soonest due first; filter by petition, unit, state, stage (unit staff: own unit only)' })
  @ApiOkResponse({ type: DeadlinePage })
  @ApiForbiddenResponse({ description: 'UNIT_SCOPE_FORBIDDEN' })
  list(@Query() query: DeadlineQueryDto, @CurrentUser() user: StaffUser): Promise<DeadlinePage> {
    return this.deadlines.list(user, query);
  }
}
