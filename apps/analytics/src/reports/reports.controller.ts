import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@petition/auth';
import { Role } from '@petition/contracts';
import { ReportParamsDto, ReportQueryDto } from './dto/report.dto';
import { renderReportWorkbook } from './report-workbook';
import { ReportsService, type Report } from './reports.service';

/** Weekly, monthly, quarterly and annual analysis reports, as JSON or XLSX. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
@Roles(Role.Analyst, Role.Supervisor, Role.Admin)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':kind/:period')
  @ApiOperation({ summary: 'A periodic report: totals, classification tables, top problems, overdue units and a forecast with its method' })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'JSON report, or an XLSX workbook with Chinese sheets (format=xlsx)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: unknown kind, or a period that does not fit it' })
  async get(
    @Param() params: ReportParamsDto,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Report | StreamableFile> {
    const report = await this.reports.build(params.kind, params.period);
    if (query.format !== 'xlsx') return report;
    const file = await renderReportWorkbook(report);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="report-${params.kind}-${params.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${report.title}.xlsx`)}`,
    );
    return new StreamableFile(file);
  }
}
