// Words the window pages show for the API's codes (intake's enums), and small helpers for its dates.
import { dayjs, formatDate } from '../../time/format';

/** A petition's status as the window names it (intake's `petitions/status-labels.ts`). */
export const PETITION_STATUS_LABELS: Record<string, string> = {
  registered: '已登记，待分流',
  dispatched: '已转交办理',
  assigned: '已交办承办单位',
  accepted: '承办单位已受理',
  replied: '已作出答复',
  approved: '答复已审核',
  closed: '已办结',
  ended: '已处理完毕',
  concluded: '终结',
};

export const CHANNEL_LABELS: Record<string, string> = {
  visit: '来访',
  letter: '来信',
  call: '来电',
  online: '网上信访',
  hotline: '12345 热线',
};

export const SOURCE_LABELS: Record<string, string> = {
  staff: '窗口登记',
  online: '网上提交',
  hotline: '热线转办',
};

export const TRIAGE_OUTCOME_LABELS: Record<string, string> = {
  dispatch: '转交办理',
  inform: '告知（引导通过法定途径）',
  forward: '转送有权处理机关',
  refuse: '不再受理',
  link_repeat: '重复信访，并入原件',
  answer_on_the_spot: '当场答复',
};

export const REPLY_OUTCOME_LABELS: Record<string, string> = {
  support: '予以支持',
  explain: '解释说明',
  not_support: '不予支持',
};

/** 告知: the proper channels (intake's ProperChannel). */
export const PROPER_CHANNEL_OPTIONS = [
  { value: 'litigation', label: '向人民法院提起诉讼' },
  { value: 'arbitration', label: '申请仲裁' },
  { value: 'administrative_review', label: '申请行政复议' },
  { value: 'administrative_reconsideration', label: '申请行政复核' },
  { value: 'labor_arbitration', label: '申请劳动人事争议仲裁' },
  { value: 'other', label: '其他法定途径' },
] as const;

export const NOTICE_METHOD_OPTIONS = [
  { value: 'post', label: '邮寄送达' },
  { value: 'in_person', label: '当面送达' },
  { value: 'online', label: '网上送达' },
  { value: 'sms', label: '短信告知' },
] as const;

export type NoticeMethod = (typeof NOTICE_METHOD_OPTIONS)[number]['value'];

/** The petitioner documents intake issues (docs/documents.md). */
export type DocumentKind =
  | 'acceptance_notice'
  | 'inform_notice'
  | 'forward_notice'
  | 'non_acceptance_notice'
  | 'decision_letter'
  | 'review_decision'
  | 'reexam_decision';

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance_notice: '受理告知书',
  inform_notice: '告知书',
  forward_notice: '转送告知书',
  non_acceptance_notice: '不予受理告知书',
  decision_letter: '信访事项处理意见书',
  review_decision: '信访事项复查意见书',
  reexam_decision: '信访事项复核意见书',
};

/** The written notice a triage decision not to accept owes (条例 Art. 22), by its outcome. */
export function noticeKindOf(outcome: string | null | undefined): DocumentKind | null {
  if (outcome === 'inform') return 'inform_notice';
  if (outcome === 'forward') return 'forward_notice';
  if (outcome === 'refuse' || outcome === 'link_repeat') return 'non_acceptance_notice';
  return null;
}

/** The last day of a period whose end the API gives as an exclusive instant (00:00 after the last day). */
export function lastDayOf(until: string | null | undefined): string {
  if (!until) return '—';
  return formatDate(dayjs(until).subtract(1, 'millisecond'));
}

/** Whether an exclusive due instant has passed. */
export function isPast(due: string | null | undefined): boolean {
  return !!due && !dayjs(due).isAfter(dayjs());
}
