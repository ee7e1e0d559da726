import ExcelJS from 'exceljs';
import type { ClassificationLine, Report } from './reports.service';

/** Sheet names of the XLSX report, in order (users read Chinese). */
export const REPORT_SHEETS = ['总体情况', '渠道分类', '性质分类', '类别分类', '地区分类', '重点问题', '超期单位', '趋势预测'] as const;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function classificationSheet(wb: ExcelJS.Workbook, name: string, header: string, lines: ClassificationLine[], total: number): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header, key: 'label', width: 24 },
    { header: '代码', key: 'value', width: 20 },
    { header: '本期件数', key: 'total', width: 12 },
    { header: '上期件数', key: 'previous', width: 12 },
    { header: '环比', key: 'change', width: 10 },
    { header: '占比', key: 'share', width: 10 },
  ];
  for (const l of lines)
    ws.addRow({ label: l.label, value: l.value, total: l.total, previous: l.previous, change: pct(l.changeRate), share: pct(l.share) });
  ws.addRow({ label: '合计', total });
  ws.getRow(1).font = { bold: true };
}

/** Renders a report as an XLSX workbook with Chinese sheet names and labels. */
export async function renderReportWorkbook(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'petition-platform analytics';
  wb.created = new Date(report.generatedAt);
  const t = report.totals;
  const summary = wb.addWorksheet(REPORT_SHEETS[0]);
  summary.columns = [
    { header: '项目', key: 'k', width: 28 },
    { header: '数值', key: 'v', width: 40 },
  ];
  const rows: Array<[string, string | number]> = [
    ['报告', report.title],
    ['统计期间', `${report.from} 至 ${report.to}`],
    ['上期', report.previousPeriod],
    ['信访总量（件）', t.petitions],
    ['上期总量（件）', t.previousPetitions],
    ['环比', pct(t.changeRate)],
    ['集体访（件）', t.collective],
    ['紧急信息（条）', t.emergencyAlerts],
    ['重复信访（件）', t.repeats],
    ['办结（件）', t.closed],
    ['超期（次）', t.overdueFlags],
    ['生成时间', report.generatedAt],
  ];
  for (const [k, v] of rows) summary.addRow({ k, v });
  summary.getRow(1).font = { bold: true };
  classificationSheet(wb, REPORT_SHEETS[1], '信访渠道', report.byChannel, t.petitions);
  classificationSheet(wb, REPORT_SHEETS[2], '信访性质', report.byNature, t.petitions);
  classificationSheet(wb, REPORT_SHEETS[3], '问题类别', report.byCategory, t.petitions);
  classificationSheet(wb, REPORT_SHEETS[4], '区域', report.byRegion, t.petitions);

  const problems = wb.addWorksheet(REPORT_SHEETS[5]);
  problems.columns = [
    { header: '信号', key: 'kind', width: 10 },
    { header: '关键词', key: 'term', width: 20 },
    { header: '本期提及（件）', key: 'mentions', width: 14 },
    { header: '上期提及（件）', key: 'previous', width: 14 },
    { header: '增长率', key: 'growth', width: 10 },
  ];
  for (const s of report.topProblems)
    problems.addRow({ kind: '强信号', term: s.term, mentions: s.mentions, previous: s.previousMentions, growth: pct(s.growthRate) });
  for (const s of report.weakSignals)
    problems.addRow({
      kind: '弱信号',
      term: s.term,
      mentions: s.mentions,
      previous: s.previousMentions,
      growth: s.previousMentions === 0 ? '新出现' : pct(s.growthRate),
    });
  problems.addRow({});
  problems.addRow({ kind: '规则', term: report.weakSignalRule });

  const overdue = wb.addWorksheet(REPORT_SHEETS[6]);
  overdue.columns = [
    { header: '承办单位', key: 'name', width: 24 },
    { header: '单位编号', key: 'id', width: 38 },
    { header: '超期次数', key: 'flags', width: 10 },
    { header: '超期件数', key: 'matters', width: 10 },
  ];
  for (const u of report.overdueUnits)
    overdue.addRow({ name: u.unitName ?? '（未知单位）', id: u.unitId, flags: u.overdueFlags, matters: u.matters });

  const forecast = wb.addWorksheet(REPORT_SHEETS[7]);
  forecast.columns = [
    { header: '期间', key: 'period', width: 14 },
    { header: '信访总量（件）', key: 'n', width: 16 },
    { header: '说明', key: 'note', width: 60 },
  ];
  for (const h of report.forecast.history) forecast.addRow({ period: h.period, n: h.petitions, note: '实际' });
  forecast.addRow({ period: report.forecast.period, n: report.forecast.value ?? '—', note: `预测：${report.forecast.description}` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
