/** Chinese labels users read in dashboards and reports (identifiers stay English). */
export const CHANNEL_LABELS: Record<string, string> = {
  letter: '来信',
  visit: '来访',
  call: '来电',
  online: '网上信访',
  hotline: '12345热线',
  unknown: '未登记',
};
export const NATURE_LABELS: Record<string, string> = {
  suggestion: '建议意见类',
  accusation: '检举控告类',
  claim: '申诉求决类',
  unknown: '未登记',
};
export const STAGE_LABELS: Record<string, string> = {
  triage: '登记分流',
  dispatch: '交办',
  accept: '受理',
  handling: '办理',
  review: '审核',
  delivery: '反馈送达',
  callback: '回访评价',
  total: '全流程',
};
/** How the front door handled a petition (the triage outcome); `pending` = not triaged yet. */
export const TRIAGE_OUTCOME_LABELS: Record<string, string> = {
  dispatch: '交办',
  inform: '告知',
  forward: '转送',
  refuse: '不再受理',
  link_repeat: '重复信访并入',
  answer_on_the_spot: '当场答复',
  pending: '待分流',
};
