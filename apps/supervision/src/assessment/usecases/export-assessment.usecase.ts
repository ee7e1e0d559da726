import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { csvFile } from '@petition/service-kit';
import { AssessmentService, type Ranking } from '../assessment.service';
import { KPI_LABELS, RATE_KPIS } from '../kpis';

/** An exported file. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const HEADER = [
  '排名 rank',
  '单位 unitId',
  '单位代码 code',
  '单位名称 name',
  '得分 score',
  '件数不足 tooFewMatters',
  '考核件数 matters',
  ...RATE_KPIS.flatMap((k) => [`${KPI_LABELS[k]} ${k} numerator`, `${k} denominator`, `${k} rate`]),
  `${KPI_LABELS.repeats} repeats`,
  `${KPI_LABELS.overdue} overdue`,
  '扣分 deductions',
];

function rows(r: Ranking): Array<Array<string | number | boolean | null>> {
  return r.units.map((u) => [
    u.rank,
    u.unitId,
    u.code,
    u.name,
    u.score,
    u.tooFewMatters,
    u.matters,
    ...RATE_KPIS.flatMap((k) => [
      u.rates[k].numerator,
      u.rates[k].denominator,
      u.rates[k].rate === null ? null : Math.round(u.rates[k].rate * 1e6) / 1e6,
    ]),
    u.repeats,
    u.overdue,
    u.deductions.repeats + u.deductions.overdue,
  ]);
}

/**
 * The ranking as CSV (the shared writer: UTF-8 with BOM, cells that would run as formulas
 * neutralised) or XLSX (ExcelJS writes every text as a text cell, never a formula).
 */
@Injectable()
export class ExportAssessmentUseCase {
  constructor(private readonly assessments: AssessmentService) {}

  async execute(period: string, scheme: string | undefined, version: number | undefined, format: 'csv' | 'xlsx'): Promise<ExportFile> {
    const r = await this.assessments.ranking(period, scheme, version);
    const base = `assessment-${r.period}-${r.scheme.name}-v${r.scheme.version}`;
    if (format === 'csv') {
      return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: csvFile([HEADER, ...rows(r)]) };
    }
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(`${r.period} ${r.scheme.name}`.slice(0, 31));
    sheet.addRow(HEADER);
    sheet.getRow(1).font = { bold: true };
    for (const line of rows(r)) sheet.addRow(line);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
  }
}
