import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { EvaluationPage, EvaluationQueryDto, EvaluationView, RecordCallbackDto } from './dto/evaluation.dto';
import { EvaluationsService } from './evaluations.service';
import { RecordEvaluationUseCase } from './usecases/record-evaluation.usecase';

/** Callbacks (回访) and evaluations of delivered replies. */
@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('api/evaluations')
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly recordEvaluation: RecordEvaluationUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Supervisor, Role.Clerk)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Record a callback (回访): evaluation.recorded (source callback); the first of the delivered round closes the matter',
  })
  @ApiCreatedResponse({ type: EvaluationView })
  @ApiNotFoundResponse({ description: 'MATTER_NOT_FOUND: no reply of this petition reached supervision' })
  @ApiConflictResponse({ description: 'MATTER_NOT_DELIVERED: no reply delivered yet' })
  callback(@Body() body: RecordCallbackDto, @CurrentUser() user: StaffUser): Promise<EvaluationView> {
    return this.recordEvaluation.callback(user, body);
  }

  @Get()
  @Roles(Role.Supervisor, Role.Clerk, Role.Analyst)
  @ApiOperation({ summary: 'Evaluations, oldest first; `current` marks the one that counts for each matter' })
  @ApiOkResponse({ type: EvaluationPage })
  list(@Query() query: EvaluationQueryDto): Promise<EvaluationPage> {
    return this.evaluations.list(query);
  }
}
