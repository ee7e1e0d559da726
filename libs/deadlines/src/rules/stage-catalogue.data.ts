import type { PeriodKind, StageId } from './stage-id';

/**
 * A limit fixed by law. Caps live in code, not in rule-set data: a city may shorten a period,
 * never lengthen it past the law, and its rule file cannot change the law.
 */
export interface StatutoryCap {
  /** How the cap is counted (the regulation's 日 are calendar days, 工作日 working days). */
  readonly kind: PeriodKind;
  /** The cap in units of `kind`. */
  readonly limit: number;
  /** Legal source, cited in every refusal, e.g. `条例 Art. 34`. */
  readonly source: string;
  /** Extension the same article allows on top of the cap (Art. 34: ≤ 30 days), in calendar days. */
  readonly extensionDays?: number;
}

/**
 * Whose step a stage is, and so whom its deadline holds to account:
 * - `unit`: the handling unit's own staff perform and record it (accept, first contact, reply and
 *   rework, answer a supervision order); overdue, it climbs the escalation ladder to the unit and
 *   counts in the unit's score;
 * - `bureau`: the petition bureau's staff perform and record it (triage, delivering the reply, the
 *   callback, deciding a review or re-examination); a unit cannot act on it, so it is never held
 *   against one, neither by the ladder nor in the unit's overdue count;
 * - `petitioner`: a time limit on the petitioner's own right (asking for a review or a
 *   re-examination), an obligation of no one.
 */
export type StageHolder = 'unit' | 'bureau' | 'petitioner';

/** Fixed facts about a stage: its names, whose step it is, when its clock starts, and the statutory cap. */
export interface StageDescription {
  readonly stage: StageId;
  /** Whose step it is (see {@link StageHolder}). */
  readonly heldBy: StageHolder;
  /** English title used in code-facing output. */
  readonly title: string;
  /** Chinese title shown to users. */
  readonly titleZh: string;
  /** The event that starts the clock. */
  readonly clockStartsAt: string;
  /** Null when the regulation sets no limit (local practice only). */
  readonly statutoryCap: StatutoryCap | null;
}

const cap = (kind: PeriodKind, limit: number, source: string, extensionDays?: number): StatutoryCap =>
  extensionDays === undefined ? { kind, limit, source } : { kind, limit, source, extensionDays };

/**
 * The stage table of docs/rules.md with the caps of 《信访工作条例》 (2022). `heldBy` follows who records
 * each step on the platform: delivery and callback are recorded by the bureau's supervisors and
 * clerks (`POST /api/reviews/:id/delivered`, `POST /api/evaluations`), appeals are decided by
 * supervisors, so none of them is a unit's deadline.
 */
export const STAGE_CATALOGUE: Readonly<Record<StageId, StageDescription>> = {
  triage: {
    stage: 'triage',
    heldBy: 'bureau',
    title: 'register and route',
    titleZh: '登记交办',
    clockStartsAt: 'registration',
    statutoryCap: cap('calendar_days', 15, '条例 Art. 22'),
  },
  unit_accept: {
    stage: 'unit_accept',
    heldBy: 'unit',
    title: 'unit accepts or gives notice',
    titleZh: '受理/告知',
    clockStartsAt: 'assignment delivered',
    statutoryCap: cap('calendar_days', 15, '条例 Art. 23'),
  },
  unit_return: {
    stage: 'unit_return',
    heldBy: 'unit',
    title: 'unit returns a misrouted assignment',
    titleZh: '退回',
    clockStartsAt: 'assignment delivered',
    statutoryCap: cap('working_days', 5, '条例 Art. 23'),
  },
  first_contact: {
    stage: 'first_contact',
    heldBy: 'unit',
    title: 'first contact with the petitioner',
    titleZh: '首次联系信访人',
    clockStartsAt: 'acceptance',
    statutoryCap: null,
  },
  handling_standard: {
    stage: 'handling_standard',
    heldBy: 'unit',
    title: 'handling a claim that needs a decision letter',
    titleZh: '办理（出具处理意见书）',
    clockStartsAt: 'acceptance',
    statutoryCap: cap('calendar_days', 60, '条例 Art. 34', 30),
  },
  handling_fast: {
    stage: 'handling_fast',
    heldBy: 'unit',
    title: 'handling on the fast track',
    titleZh: '简易办理',
    clockStartsAt: 'acceptance',
    statutoryCap: null,
  },
  handling_suggestion: {
    stage: 'handling_suggestion',
    heldBy: 'unit',
    title: 'handling a suggestion',
    titleZh: '建议意见办理',
    clockStartsAt: 'acceptance',
    statutoryCap: null,
  },
  extension: {
    stage: 'extension',
    heldBy: 'unit',
    title: 'extension of handling (once, approved by the unit head)',
    titleZh: '延期',
    clockStartsAt: 'the handling deadline',
    statutoryCap: cap('calendar_days', 30, '条例 Art. 34'),
  },
  reply_delivery: {
    stage: 'reply_delivery',
    heldBy: 'bureau',
    title: 'deliver the reply to the petitioner',
    titleZh: '反馈答复',
    clockStartsAt: 'reply approved',
    statutoryCap: null,
  },
  callback: {
    stage: 'callback',
    heldBy: 'bureau',
    title: 'callback and evaluation',
    titleZh: '回访',
    clockStartsAt: 'reply delivered',
    statutoryCap: null,
  },
  review_request: {
    stage: 'review_request',
    heldBy: 'petitioner',
    title: 'petitioner may request review',
    titleZh: '申请复查',
    clockStartsAt: 'reply delivered',
    statutoryCap: cap('calendar_days', 30, '条例 Art. 35'),
  },
  review_decision: {
    stage: 'review_decision',
    heldBy: 'bureau',
    title: 'review decision',
    titleZh: '复查决定',
    clockStartsAt: 'review requested',
    statutoryCap: cap('calendar_days', 30, '条例 Art. 35'),
  },
  reexam_request: {
    stage: 'reexam_request',
    heldBy: 'petitioner',
    title: 'petitioner may request re-examination',
    titleZh: '申请复核',
    clockStartsAt: 'review decision delivered',
    statutoryCap: cap('calendar_days', 30, '条例 Art. 36'),
  },
  reexam_decision: {
    stage: 'reexam_decision',
    heldBy: 'bureau',
    title: 're-examination decision (hearing time excluded)',
    titleZh: '复核决定（听证时间不计入）',
    clockStartsAt: 're-examination requested',
    statutoryCap: cap('calendar_days', 30, '条例 Art. 36'),
  },
  supervision_order: {
    stage: 'supervision_order',
    heldBy: 'unit',
    title: 'unit answers a supervision order',
    titleZh: '督办单答复',
    clockStartsAt: 'order issued',
    statutoryCap: null,
  },
};
