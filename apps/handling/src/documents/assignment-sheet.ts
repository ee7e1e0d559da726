import { AssignmentRole, Channel } from '@petition/contracts';
import { lastDayOfPeriod, type PeriodLimit } from '@petition/deadlines';
import { chineseDate } from '@petition/documents';

/** How a channel is named on a document. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  [Channel.Letter]: '来信',
  [Channel.Visit]: '来访',
  [Channel.Call]: '来电',
  [Channel.Online]: '网上信访',
  [Channel.Hotline]: '12345热线',
};

/** What a work item's 交办单 states, gathered from handling's own records and intake's case file (masked data only). */
export interface AssignmentSheetFacts {
  trackingNo: string;
  title: string;
  /** The role of the unit the sheet is for. */
  role: AssignmentRole;
  petitionerNameMasked: string;
  /** The dispatcher's 办理要求, as `petition.assigned` carried them. */
  instructions: string | null;
  acceptDue: Date;
  assignedAt: Date;
  /** The lead's handling deadline, once the lead accepted. */
  handlingDue: Date | null;
  /** The period of the handling stage the track picked, stated while the matter waits for acceptance. */
  handlingPeriod: PeriodLimit | null;
  leadUnitName: string;
  coHandlerNames: string[];
  /** From intake's case file. */
  channel: string;
  headcount: number;
  registeredAt: string;
  content: string;
  emergency: boolean;
  /** The petition bureau that assigns (DOCUMENTS_ISSUER). */
  issuer: string;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 15 → 十五, 60 → 六十, 99 → 九十九; from 100 on, Arabic numerals. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** A period as a document states it before its clock starts: 自受理之日起六十日, …十个工作日. */
export function periodFromAcceptance(period: PeriodLimit | null): string {
  // Without a known stage, the standard period of 条例 Art. 34.
  if (!period) return '自受理之日起六十日';
  const unit = { calendar_days: '日', working_days: '个工作日', hours: '小时' }[period.kind];
  return `自受理之日起${chineseNumber(period.limit)}${unit}`;
}

/** The last day of a period due at `due`, in Chinese. */
export function lastDayOf(due: Date): string {
  return chineseDate(lastDayOfPeriod(due));
}

/** The values of the 交办单 template's placeholders. */
export function assignmentSheetVars(f: AssignmentSheetFacts): Record<string, string> {
  const assignedOn = chineseDate(f.assignedAt);
  return {
    trackingNo: f.trackingNo,
    issuer: f.issuer,
    leadUnit: f.leadUnitName,
    coHandlers: f.coHandlerNames.length ? f.coHandlerNames.join('、') : '无',
    duty: f.role === AssignmentRole.Lead ? '承办' : '协办',
    petitionerName: f.petitionerNameMasked,
    channel: CHANNEL_LABELS[f.channel as Channel] ?? f.channel,
    headcount: `${f.headcount}人`,
    registeredOn: chineseDate(f.registeredAt),
    assignedOn,
    title: f.title,
    content: f.content,
    instructions: f.instructions?.trim() || '无',
    acceptBy: lastDayOf(f.acceptDue),
    handleBy: f.handlingDue ? lastDayOf(f.handlingDue) : periodFromAcceptance(f.handlingPeriod),
    emergency: f.emergency ? '是' : '否',
  };
}
