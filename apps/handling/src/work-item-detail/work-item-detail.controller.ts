import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { WorkItemDetailView } from './dto/work-item-detail.view';
import { WorkItemDetailQuery } from './work-item-detail.query';

/** One work item with its contacts, notes, replies and contributions, for its own unit. */
@ApiTags('work-items')
@ApiBearerAuth()
@Controller('api/work-items')
export class WorkItemDetailController {
  constructor(private readonly detail: WorkItemDetailQuery) {}

  @Get(':id')
  @Roles(Role.Handler, Role.UnitHead)
  // The operation id it had when the inbox controller served it: clients generated from OpenAPI keep their method.
  @ApiOperation({ operationId: 'WorkItemsController_get', summary: 'One work item of the caller’s unit' })
  @ApiOkResponse({ type: WorkItemDetailView })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited)' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: StaffUser): Promise<WorkItemDetailView> {
    return this.detail.get(user, id);
  }
}
