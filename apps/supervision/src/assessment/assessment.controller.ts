import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { AssessmentService, type MatterLine, type Ranking } from './assessment.service';
import { MattersPageView, PublicationView, RankingView, RateFigureView } from './dto/assessment.view';
import { AssessmentExportQueryDto, AssessmentQueryDto, MattersQueryDto, PublishQueryDto } from './dto/assessment-query.dto';
import { CreateSchemeVersionDto } from './dto/scheme.dto';
import { AddSchemeVersionUseCase } from './usecases/add-scheme-version.usecase';
import { ExportAssessmentUseCase } from './usecases/export-assessment.usecase';
import { PublishAssessmentUseCase, type Publication } from './usecases/publish-assessment.usecase';

/** Unit assessment (考核): ranking, drill-down, export, publishing, schemes. */
@ApiTags('assessment')
@ApiBearerAuth()
@ApiExtraModels(RateFigureView)
@Controller('api')
export class AssessmentController {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly exporter: ExportAssessmentUseCase,
    private readonly publisher: PublishAssessmentUseCase,
    private readonly schemes: AddSchemeVersionUseCase,
  ) {}

  @Get('assessments')
  @Roles(Role.Supervisor, Role.Analyst)
  @ApiOperation({
    summary: 'Ranking of every unit for a period under a scheme version: each KPI as numerator / denominator / rate, deductions, score',
  })
  @ApiOkResponse({ type: RankingView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with the field (period, scheme, version)' })
  @ApiNotFoundResponse({ description: 'ASSESSMENT_SCHEME_NOT_FOUND' })
  ranking(@Query() q: AssessmentQueryDto): Promise<Ranking> {
    return this.assessments.ranking(q.period, q.scheme, q.version);
  }

  @Get('assessments/export')
  @Roles(Role.Supervisor, Role.Analyst)
  @ApiOperation({ summary: 'The ranking as a CSV or XLSX file (Content-Disposition: attachment)' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  async export(@Query() q: AssessmentExportQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.exporter.execute(q.period, q.scheme, q.version, q.format ?? 'csv');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.status(200).send(file.body);
  }

  @Get('assessments/:unitId/:period/matters')
  @Roles(Role.Supervisor, Role.Analyst)
  @ApiOperation({ summary: 'The matters behind one number of one unit, with the facts that put each in or out of the numerator' })
  @ApiOkResponse({ type: MattersPageView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (period, kpi, cursor, unitId)' })
  matters(
    @Param('unitId', new ParseUUIDPipe()) unitId: string,
    @Param('period') period: string,
    @Query() q: MattersQueryDto,
  ): Promise<{ items: MatterLine[]; nextCursor: string | null; numerator: number; denominator: number }> {
    return this.assessments.matters(unitId, period, q.kpi, q.limit ?? 50, q.cursor);
  }

  @Post('assessments/:period/publish')
  @HttpCode(200)
  @Roles(Role.Supervisor)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Close a period: freeze the ranking with its scheme version and emit assessment.published; again → the same result (recomputed and compared)',
  })
  @ApiOkResponse({ type: PublicationView })
  @ApiConflictResponse({
    description:
      'ASSESSMENT_PERIOD_NOT_CLOSED; ASSESSMENT_PERIOD_NOT_SETTLED (review windows that ended in the period not recorded yet — retry shortly); ASSESSMENT_CHANGED_SINCE_PUBLISHED with the units that differ',
  })
  publish(@Param('period') period: string, @Query() q: PublishQueryDto, @CurrentUser() user: StaffUser): Promise<Publication> {
    return this.publisher.execute(period, q.scheme ?? 'default', user.sub);
  }

  @Get('assessment-schemes')
  @Roles(Role.Supervisor, Role.Analyst)
  @ApiOperation({ summary: 'Every version of every scoring scheme' })
  listSchemes(): Promise<unknown> {
    return this.schemes.list();
  }

  @Post('assessment-schemes')
  @HttpCode(201)
  @Roles(Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Add the next version of a scheme (versions are never edited)' })
  @ApiCreatedResponse({ description: 'The new scheme version' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (weights: unknown KPI, negative, all zero)' })
  addScheme(@Body() body: CreateSchemeVersionDto, @CurrentUser() user: StaffUser): Promise<unknown> {
    return this.schemes.execute(body, user.sub);
  }
}
