/** Rate KPIs of docs/rules.md "Unit scores": numerator of a denominator of matters. */
export const RATE_KPIS = ['acceptance', 'on_time', 'quality', 'participation', 'satisfaction', 'resolution', 'one_time'] as const;
/** Count KPIs: repeat petitions and overdue matters (deductions of the score). */
export const COUNT_KPIS = ['repeats', 'overdue'] as const;
/** Every KPI, plus `matters`: the distinct matters in any rate's denominator (for "too few matters" and ties). */
export const KPIS = [...RATE_KPIS, ...COUNT_KPIS, 'matters'] as const;

export type RateKpi = (typeof RATE_KPIS)[number];
export type CountKpi = (typeof COUNT_KPIS)[number];
export type Kpi = (typeof KPIS)[number];

/** 中文 names for exports and messages. */
export const KPI_LABELS: Record<Kpi, string> = {
  acceptance: '及时受理率',
  on_time: '按期办结率',
  quality: '办理质量合格率',
  participation: '参评率',
  satisfaction: '满意率',
  resolution: '解决率',
  one_time: '一次性化解率',
  repeats: '重复信访',
  overdue: '超期件',
  matters: '考核件数',
};
