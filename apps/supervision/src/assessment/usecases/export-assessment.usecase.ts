import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
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

const csvCell = (v: string | number | boolean | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The ranking as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese headers) or XLSX. */
@Injectable()
export class ExportAssessmentUseCase {
  constructor(private readonly assessments: AssessmentService) {}

  async execute(period: string, scheme: string | undefined, version: number | undefined, format: 'csv' | 'xlsx'): Promise<ExportFile> {
    const r = await this.assessments.ranking(period, scheme, version);
    const base = `assessment-${r.period}-${r.scheme.name}-v${r.scheme.version}`;
    if (format === 'csv') {
      const text = [HEADER, ...rows(r)].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
      return {
        fileName: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      };
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
