import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AssignmentList, AssignmentQueryDto, AssignmentView } from './dto/assignment.view';
import { ManualAssignmentDto } from './dto/manual-assignment.dto';
import { AssignmentsService } from './assignments.service';

/** Assignments, for dispatchers and supervisors. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('api/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: "A petition's assignments, newest first" })
  @ApiOkResponse({ type: AssignmentList })
  list(@Query() query: AssignmentQueryDto): Promise<AssignmentList> {
    return this.assignments.forPetition(query.petitionId);
  }

  @Post()
  @Roles(Role.Dispatcher)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A retried request with the same key returns the first result' })
  @ApiOperation({ summary: 'Assign a petition waiting in the manual queue (交办)' })
  @ApiCreatedResponse({ type: AssignmentView })
  create(@CurrentUser() user: StaffUser, @Body() dto: ManualAssignmentDto): Promise<AssignmentView> {
    return this.assignments.assignFromQueue(user, dto);
  }
}
