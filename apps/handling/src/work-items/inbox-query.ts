import type { Track, WorkItemStatus } from '@petition/contracts';
import type { DeadlineState } from './dto/inbox-query.dto';
import { WorkItemEntity } from './entities/work-item.entity';

/** Inbox filters, with the clock's now for deadline states. */
export interface InboxFilter {
  status?: WorkItemStatus;
  track?: Track;
  dueBefore?: string;
  state?: DeadlineState;
  emergency?: boolean;
  /** A tracking number (exactly) or words of the title. */
  q?: string;
  now: Date;
}

/**
 * Columns the inbox shows: every column but the full deadline record (`handling_deadline`, a
 * kilobyte of jsonb per row that only the extension and reply steps read).
 */
const INBOX_COLUMNS: ReadonlyArray<[column: string, property: keyof WorkItemEntity]> = [
  ['id', 'id'],
  ['petition_id', 'petitionId'],
  ['assignment_id', 'assignmentId'],
  ['unit_id', 'unitId'],
  ['role', 'role'],
  ['status', 'status'],
  ['tracking_no', 'trackingNo'],
  ['title', 'title'],
  ['nature', 'nature'],
  ['track', 'track'],
  ['category_code', 'categoryCode'],
  ['region_code', 'regionCode'],
  ['petitioner_name_masked', 'petitionerNameMasked'],
  ['instructions', 'instructions'],
  ['emergency', 'emergency'],
  ['accept_due', 'acceptDue'],
  ['accept_rule_set', 'acceptRuleSet'],
  ['assigned_at', 'assignedAt'],
  ['opened_at', 'openedAt'],
  ['accepted_at', 'acceptedAt'],
  ['accepted_by', 'acceptedBy'],
  ['handling_stage', 'handlingStage'],
  ['handling_due', 'handlingDue'],
  ['handling_rule_set', 'handlingRuleSet'],
  ['handling_provisional', 'handlingProvisional'],
  ['first_contact_due', 'firstContactDue'],
  ['current_due', 'currentDue'],
  ['current_warning_at', 'currentWarningAt'],
  ['first_contact_at', 'firstContactAt'],
  ['return_requested_at', 'returnRequestedAt'],
  ['return_reason', 'returnReason'],
  ['return_decision_note', 'returnDecisionNote'],
  ['reply_count', 'replyCount'],
  ['last_reply_id', 'lastReplyId'],
  ['replied_at', 'repliedAt'],
  ['rework_review_id', 'reworkReviewId'],
  ['rework_reason', 'reworkReason'],
  ['rework_deadline', 'reworkDeadline'],
  ['closed_at', 'closedAt'],
];

/**
 * The inbox as one hand-written statement: the hot query of the service, kept off the ORM's
 * per-row hydration (bench/inbox.bench.ts measured it at several times the query itself). Each
 * filter is spelled so an index serves it: (unit_id, current_due, id) for the plain inbox,
 * (unit_id, status, current_due, id) by status, and the partial index of open items for the
 * deadline states.
 */
export function inboxStatement(
  unitId: string,
  filter: InboxFilter,
  limit: number,
  after: { due: string; id: string } | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [unitId];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ['unit_id = $1'];
  if (after) where.push(`(current_due, id) > (${p(after.due)}::timestamptz, ${p(after.id)}::uuid)`);
  if (filter.status) where.push(`status = ${p(filter.status)}`);
  if (filter.track) where.push(`track = ${p(filter.track)}`);
  if (filter.emergency !== undefined) where.push(`emergency = ${p(filter.emergency)}`);
  if (filter.q) {
    // LIKE's own wildcards in the words are matched literally.
    const words = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(tracking_no = ${p(filter.q)} OR title ILIKE ${p(words)})`);
  }
  if (filter.dueBefore) where.push(`current_due < ${p(filter.dueBefore)}::timestamptz`);
  if (filter.state) {
    // Spelled as the partial index work_items_unit_open_due_idx is, so the planner can use it.
    where.push(`status IN ('assigned', 'accepted')`);
    const now = p(filter.now);
    if (filter.state === 'overdue') where.push(`current_due <= ${now}`);
    else if (filter.state === 'warning') where.push(`current_warning_at <= ${now} AND current_due > ${now}`);
    // current_due > now is implied (warning comes before due) but lets the index range start at now.
    else where.push(`current_warning_at > ${now} AND current_due > ${now}`);
  }
  const sql = `SELECT ${INBOX_COLUMNS.map(([c]) => c).join(', ')} FROM work_items WHERE ${where.join(' AND ')} ORDER BY current_due, id LIMIT ${p(limit)}`;
  return { sql, params };
}

/** A row of {@link inboxStatement} as the entity the views read (without the deadline record). */
export function inboxRow(row: Record<string, unknown>): WorkItemEntity {
  const item = new WorkItemEntity();
  const target = item as unknown as Record<string, unknown>;
  for (const [column, property] of INBOX_COLUMNS) target[property] = row[column];
  item.handlingDeadline = null;
  return item;
}
