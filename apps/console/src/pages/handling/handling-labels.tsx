// The words and marks of the handler's workspace: statuses, roles, deadline states, outcomes.
import { Space, Tag, Typography } from 'antd';
import { formatTime } from '../../time/format';
import type { ContactMethod, DeadlineState, PetitionerDocumentKind, WorkItem } from './handling-api';

export const STATUS_LABELS: Record<WorkItem['status'], string> = {
  assigned: '待受理',
  accepted: '办理中',
  returned: '已退回',
  replied: '已答复，待审核',
  closed: '已办结',
};

/** The status as the unit reads it, with a return waiting, a rework and a co-handler's wait told apart. */
export function statusLabel(item: Pick<WorkItem, 'status' | 'role' | 'returnRequestedAt' | 'reworkReason'>): string {
  // A co-handler does not accept: its part starts with the lead's acceptance (and follows its deadline).
  if (item.role === 'co_handler' && item.status === 'assigned') return '待主办单位受理';
  if (item.returnRequestedAt && (item.status === 'assigned' || item.status === 'accepted')) return '退回待确认';
  if (item.status === 'accepted' && item.reworkReason) return '退回重办';
  return STATUS_LABELS[item.status];
}

export const ROLE_LABELS: Record<WorkItem['role'], string> = { lead: '主办', co_handler: '协办' };

export const TRACK_LABELS: Record<WorkItem['track'], string> = {
  standard: '普通程序',
  fast: '简易程序',
  suggestion: '建议意见类',
};

export const NATURE_LABELS: Record<WorkItem['nature'], string> = {
  claim: '申诉求决类',
  suggestion: '建议意见类',
  accusation: '检举控告类',
};

// One list of channel names for every page.
export { CHANNEL_LABELS } from '../window/labels';

export const EMERGENCY_SIGNAL_LABELS: Record<string, string> = {
  self_harm: '涉及人身安全',
  violence: '涉及暴力',
  mass_gathering: '群体聚集',
  blocking_roads: '堵路拦车',
};

export const DEADLINE_STATES: Record<DeadlineState, { label: string; color: string }> = {
  on_track: { label: '正常', color: 'green' },
  warning: { label: '预警', color: 'orange' },
  overdue: { label: '超期', color: 'red' },
  done: { label: '已完成', color: 'default' },
};

export const OUTCOME_LABELS: Record<'support' | 'explain' | 'not_support', string> = {
  support: '予以支持',
  explain: '解释说明',
  not_support: '不予支持',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: '电话',
  visit: '上门走访',
  meeting: '约见面谈',
  letter: '信函',
  sms: '短信',
  online: '网上',
};

export const PETITIONER_DOCUMENTS: Array<{ kind: PetitionerDocumentKind; label: string }> = [
  { kind: 'acceptance_notice', label: '受理告知书' },
  { kind: 'decision_letter', label: '信访事项处理意见书' },
  { kind: 'inform_notice', label: '告知书' },
  { kind: 'forward_notice', label: '转送告知书' },
  { kind: 'non_acceptance_notice', label: '不予受理告知书' },
  { kind: 'review_decision', label: '复查意见书' },
  { kind: 'reexam_decision', label: '复核意见书' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** 剩余 n 天 / 超期 n 天 against a due instant (exclusive), at `now`. */
export function daysLeftText(due: string, now: number = Date.now()): string {
  const diff = Date.parse(due) - now;
  if (Number.isNaN(diff)) return '';
  if (diff > 0) return diff < DAY_MS ? '剩余不足 1 天' : `剩余 ${Math.floor(diff / DAY_MS)} 天`;
  return `超期 ${Math.max(1, Math.ceil(-diff / DAY_MS))} 天`;
}

/** The coloured mark of a deadline state: 正常 green, 预警 orange, 超期 red. */
export function DeadlineTag({ state }: { state: DeadlineState }) {
  const s = DEADLINE_STATES[state];
  return <Tag color={s.color}>{s.label}</Tag>;
}

/** The deadline in force as a date-time in the city, and what is left of it while the item is open. */
export function DeadlineInForce({ item }: { item: Pick<WorkItem, 'currentDue' | 'deadlineState'> }) {
  const open = item.deadlineState !== 'done';
  return (
    <Space size={4} direction="vertical">
      <span>{formatTime(item.currentDue)}</span>
      {open ? (
        <Typography.Text type={item.deadlineState === 'overdue' ? 'danger' : item.deadlineState === 'warning' ? 'warning' : 'secondary'}>
          {daysLeftText(item.currentDue)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
