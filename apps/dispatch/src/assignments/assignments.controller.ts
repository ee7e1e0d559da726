import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AssignmentList, AssignmentQueryDto } from './dto/assignment.view';
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
}
