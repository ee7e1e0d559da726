// Work items as handling answers them, for the handler's and unit head's page tests.
import type { ConsoleUser } from '../../auth/auth-provider';
import type { ExtensionRequest, WorkItem, WorkItemDetail } from './handling-api';

export const HANDLER: ConsoleUser = {
  id: 'tianhe-handler',
  name: '经办人 陈静',
  roles: ['handler'],
  unitId: 'u-tianhe',
  unitName: '天河区人民政府',
};

export const UNIT_HEAD: ConsoleUser = {
  id: 'tianhe-head',
  name: '单位负责人 林涛',
  roles: ['unit_head'],
  unitId: 'u-tianhe',
  unitName: '天河区人民政府',
};

export const ITEM_ID = '0b6f0c55-4f5e-4c3a-9a57-1f4d0b3c2a10';

const DAY = 24 * 60 * 60 * 1000;

/** An instant `days` from now (negative: in the past), as the API writes it. */
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export function workItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    id: ITEM_ID,
    petitionId: '7f1c2f9e-2c7e-4d7e-9d38-0d7c9a1e5b11',
    assignmentId: 'a5d4b0c1-0e8f-4f5c-8d0a-3b2c1d0e9f87',
    unitId: 'u-tianhe',
    role: 'lead',
    status: 'assigned',
    trackingNo: '440106-20261123-000001',
    title: '小区门口道路长期积水',
    nature: 'claim',
    track: 'standard',
    categoryCode: 'URBAN.DRAINAGE',
    regionCode: '440106001',
    petitionerNameMasked: '张*',
    instructions: '请于受理后三日内现场查看。',
    emergency: false,
    acceptDue: inDays(3),
    acceptRuleSet: 'GD-2026.1',
    assignedAt: inDays(-1),
    acceptedAt: null,
    handlingStage: 'handling_standard',
    handlingDue: null,
    handlingRuleSet: null,
    handlingProvisional: null,
    firstContactDue: null,
    currentDue: inDays(3),
    returnRequestedAt: null,
    returnReason: null,
    returnDecisionNote: null,
    deadlineState: 'on_track',
    replyCount: 0,
    repliedAt: null,
    reworkReason: null,
    reworkDue: null,
    closedAt: null,
    ...overrides,
  };
}

export function workItemDetail(overrides: Partial<WorkItemDetail> = {}): WorkItemDetail {
  return { ...workItem(), contacts: [], notes: [], replies: [], contributions: [], ...overrides };
}

/** The same item once accepted: handling and first-contact deadlines fixed. */
export function acceptedDetail(overrides: Partial<WorkItemDetail> = {}): WorkItemDetail {
  return workItemDetail({
    status: 'accepted',
    acceptedAt: inDays(0),
    handlingDue: inDays(60),
    handlingRuleSet: 'GD-2026.1',
    handlingProvisional: false,
    firstContactDue: inDays(5),
    currentDue: inDays(60),
    ...overrides,
  });
}

export function extensionRequest(overrides: Partial<ExtensionRequest> = {}): ExtensionRequest {
  return {
    id: '5c0e7b1a-9d2f-4e3b-8a1c-6f5d4e3c2b1a',
    workItemId: ITEM_ID,
    days: 20,
    reason: '需等待第三方检测报告',
    status: 'pending',
    requestedBy: 'tianhe-handler',
    requestedAt: '2026-11-25T02:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    dueBefore: '2027-01-22T16:00:00.000Z',
    dueAfter: null,
    ...overrides,
  };
}
