// The console's workspaces, grouped in the menu by the role that works there. A user sees the
// groups of their roles (admin sees all). Pages marked `underConstruction` are placeholders of this
// scaffold; each is filled by the issue that builds that workspace.
import { hasAnyRole, type ConsoleUser, type Role } from '../auth/auth-provider';

export interface Workspace {
  path: string;
  title: string;
  /** What the page is (or will be) for, shown under its heading. */
  description: string;
  underConstruction: boolean;
}

export interface WorkspaceGroup {
  key: string;
  label: string;
  roles: Role[];
  workspaces: Workspace[];
}

export const WORKSPACE_GROUPS: WorkspaceGroup[] = [
  {
    key: 'window',
    label: '窗口登记',
    roles: ['clerk'],
    workspaces: [
      {
        path: '/window/register',
        title: '登记信访',
        description: '登记来访、来信、来电：保存前预检重复信访、在办事项和紧急情形，保存后给出信访件编号和查询码。',
        underConstruction: false,
      },
      {
        path: '/window/lookup',
        title: '信访人查询',
        description: '按身份证号、电话或姓名加地区查询信访人以往的信访事项、办理状态和可申请的复查复核期限（每次查询留痕）。',
        underConstruction: false,
      },
      {
        path: '/window/triage',
        title: '待分流',
        description: '暂缓分流的信访件：交办、告知、转送、不予受理或当场答复，以及应送达的书面告知。',
        underConstruction: false,
      },
      {
        path: '/window/hotline',
        title: '12345 工单',
        description: '从 12345 热线导入的工单及其登记、分办状态；按批导入 12345 系统导出的工单文件。',
        underConstruction: false,
      },
    ],
  },
  {
    key: 'dispatch',
    label: '分办',
    roles: ['dispatcher'],
    workspaces: [
      {
        path: '/dispatch/queue',
        title: '人工分办',
        description: '路由规则无法自动交办的信访件：选定主办单位和协办单位，查看规则的判断依据。',
        underConstruction: false,
      },
      {
        path: '/dispatch/returns',
        title: '退回审核',
        description: '承办单位以“非本单位职责”申请退回的事项：确认后重新交办，或驳回。',
        underConstruction: false,
      },
    ],
  },
  {
    key: 'handling',
    label: '办理',
    roles: ['handler'],
    workspaces: [
      {
        path: '/handling/inbox',
        title: '待办事项',
        description: '本单位收到的交办件：受理、联系信访人、协办意见、申请延期、出具处理意见书。',
        underConstruction: false,
      },
    ],
  },
  {
    key: 'unit',
    label: '单位负责人',
    roles: ['unit_head'],
    workspaces: [
      {
        path: '/unit/approvals',
        title: '延期审批',
        description: '本单位经办人提出的延期申请：批准或不批准，并说明理由。',
        underConstruction: false,
      },
      {
        path: '/unit/overview',
        title: '本单位办理情况',
        description: '本单位在办事项、临近期限和超期事项、督办和催办。',
        underConstruction: false,
      },
    ],
  },
  {
    key: 'supervision',
    label: '督查督办',
    roles: ['supervisor'],
    workspaces: [
      {
        path: '/supervision/reviews',
        title: '结果审核',
        description: '承办单位的处理意见：审核通过并送达，或退回重办；期限预警、催办和督办单。',
        underConstruction: true,
      },
    ],
  },
  {
    key: 'analytics',
    label: '统计分析',
    roles: ['analyst'],
    workspaces: [
      {
        path: '/analytics/dashboard',
        title: '态势总览',
        description: '信访总量与趋势、热点问题、积案和重复信访、各单位办理时长。',
        underConstruction: true,
      },
    ],
  },
];

/** The groups a user may open, in menu order. */
export function groupsFor(user: ConsoleUser): WorkspaceGroup[] {
  return WORKSPACE_GROUPS.filter((g) => hasAnyRole(user, g.roles));
}

/** The page a user lands on after signing in: their first workspace, or null when they have none. */
export function homePathFor(user: ConsoleUser): string | null {
  return groupsFor(user)[0]?.workspaces[0]?.path ?? null;
}
