import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AddContributionUseCase } from './usecases/add-contribution.usecase';
import { AddContributionDto, ContributionView } from './dto/contribution.dto';

/** Co-handlers' input to the lead unit. */
@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/work-items')
export class ContributionsController {
  constructor(private readonly addContribution: AddContributionUseCase) {}

  @Post(':id/contributions')
  @HttpCode(201)
  @Roles(Role.Handler, Role.UnitHead)
  @ApiOperation({ summary: 'Record the co-handler’s part (协办意见) on its own work item; the lead unit sees it' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: ContributionView })
  @ApiForbiddenResponse({ description: 'WORK_ITEM_NOT_CO_HANDLER: the lead writes notes and the reply instead' })
  @ApiConflictResponse({ description: 'WORK_ITEM_WRONG_STATE: returned or closed' })
  @ApiNotFoundResponse({ description: 'WORK_ITEM_NOT_FOUND (also for other units’ items; such attempts are audited)' })
  add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddContributionDto,
    @CurrentUser() user: StaffUser,
  ): Promise<ContributionView> {
    return this.addContribution.execute(user, id, body);
  }
}
