/** Every stage that has a deadline, in the order a matter meets them (docs/rules.md "Default deadlines"). */
export const STAGE_IDS = [
  'triage',
  'unit_accept',
  'unit_return',
  'first_contact',
  'handling_standard',
  'handling_fast',
  'handling_suggestion',
  'extension',
  'reply_delivery',
  'callback',
  'review_request',
  'review_decision',
  'reexam_request',
  'reexam_decision',
  'supervision_order',
] as const;

/** Id of a stage with a deadline, e.g. `handling_standard`. */
export type StageId = (typeof STAGE_IDS)[number];

const STAGE_ID_SET: ReadonlySet<string> = new Set(STAGE_IDS);

/** Type guard for stage ids coming from requests, files and stored records. */
export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && STAGE_ID_SET.has(value);
}

/**
 * How a period is counted:
 * - `calendar_days` (日): start day not counted, ends 24:00 of the last day, a last day that is
 *   a holiday or rest day rolls to the next working day (民法典 Arts. 201, 203);
 * - `working_days` (工作日): start day not counted, ends 24:00 of the last working day;
 * - `hours`: exact elapsed time.
 */
export const PERIOD_KINDS = ['calendar_days', 'working_days', 'hours'] as const;

/** One of {@link PERIOD_KINDS}. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Type guard for period kinds. */
export function isPeriodKind(value: unknown): value is PeriodKind {
  return value === 'calendar_days' || value === 'working_days' || value === 'hours';
}

/** Unit name of a kind for messages, e.g. `60 calendar days`. */
export function describePeriod(kind: PeriodKind, limit: number): string {
  const unit = kind === 'calendar_days' ? 'calendar day' : kind === 'working_days' ? 'working day' : 'hour';
  return `${limit} ${unit}${limit === 1 ? '' : 's'}`;
}
