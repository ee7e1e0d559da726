import type { EventType } from './event-registry';
import { ALERT_EMERGENCY } from './events/alert-emergency.event';
import { APPEAL_DECIDED, APPEAL_FILED } from './events/appeal-decided.event';
import { PETITION_CLOSED } from './events/petition-closed.event';
import { PETITION_CONCLUDED } from './events/petition-concluded.event';
import { APPEAL_HEARING_RECORDED } from './events/appeal-hearing-recorded.event';
import { APPEAL_REQUESTED } from './events/appeal-requested.event';
import { ASSESSMENT_PUBLISHED } from './events/assessment-published.event';
import { ASSIGNMENT_RETURN_REJECTED } from './events/assignment-return-rejected.event';
import { ASSIGNMENT_RETURN_REQUESTED } from './events/assignment-return-requested.event';
import { ASSIGNMENT_RETURNED } from './events/assignment-returned.event';
import { DEADLINE_OVERDUE, DEADLINE_WARNING } from './events/deadline-flagged.event';
import { EVALUATION_RECORDED } from './events/evaluation-recorded.event';
import { EVALUATION_SUBMITTED } from './events/evaluation-submitted.event';
import { EXTENSION_APPROVED, EXTENSION_DENIED } from './events/extension-decided.event';
import { EXTENSION_REQUESTED } from './events/extension-requested.event';
import { PETITION_ASSIGNED } from './events/petition-assigned.event';
import { PETITION_QUEUED } from './events/petition-queued.event';
import { PETITION_REGISTERED } from './events/petition-registered.event';
import { PETITION_REPEAT_LINKED } from './events/petition-repeat-linked.event';
import { PETITION_REPLIED } from './events/petition-replied.event';
import { PETITION_TRIAGED } from './events/petition-triaged.event';
import { REPLY_DELIVERED } from './events/reply-delivered.event';
import { REVIEW_APPROVED, REVIEW_RETURNED } from './events/review-decided.event';
import { REVIEW_WINDOW_ENDED } from './events/review-window-ended.event';
import { SUPERVISION_ORDER_ANSWERED, SUPERVISION_ORDER_ISSUED, URGE_ISSUED } from './events/supervision-actions.event';
import { UNIT_UPSERTED } from './events/unit-upserted.event';
import { WORK_ITEM_ACCEPTED } from './events/work-item-accepted.event';
import { WORK_ITEM_CONTACT_RECORDED } from './events/work-item-contact-recorded.event';
import { WORK_ITEM_CONTRIBUTION_ADDED } from './events/work-item-contribution-added.event';
import { WORK_ITEM_OPENED } from './events/work-item-opened.event';
import { WORK_ITEM_REWORK_STARTED } from './events/work-item-rework-started.event';
import { Topics, type TopicName } from './topics';

/**
 * The one topic each event type travels on — the stream of the service that owns the fact. A type
 * missing here does not compile, so publishing and consuming can both rely on it.
 */
export const EventTopics: { readonly [T in EventType]: TopicName } = {
  [PETITION_REGISTERED]: Topics.intake,
  [PETITION_TRIAGED]: Topics.intake,
  [PETITION_REPEAT_LINKED]: Topics.intake,
  [ALERT_EMERGENCY]: Topics.intake,
  [EVALUATION_SUBMITTED]: Topics.intake,
  [APPEAL_REQUESTED]: Topics.intake,

  [PETITION_ASSIGNED]: Topics.dispatch,
  [PETITION_QUEUED]: Topics.dispatch,
  [ASSIGNMENT_RETURNED]: Topics.dispatch,
  [ASSIGNMENT_RETURN_REJECTED]: Topics.dispatch,
  [UNIT_UPSERTED]: Topics.directory,

  [WORK_ITEM_OPENED]: Topics.handling,
  [WORK_ITEM_ACCEPTED]: Topics.handling,
  [WORK_ITEM_CONTACT_RECORDED]: Topics.handling,
  [WORK_ITEM_CONTRIBUTION_ADDED]: Topics.handling,
  [WORK_ITEM_REWORK_STARTED]: Topics.handling,
  [EXTENSION_REQUESTED]: Topics.handling,
  [EXTENSION_APPROVED]: Topics.handling,
  [EXTENSION_DENIED]: Topics.handling,
  [ASSIGNMENT_RETURN_REQUESTED]: Topics.handling,
  [PETITION_REPLIED]: Topics.handling,

  [REVIEW_APPROVED]: Topics.supervision,
  [REVIEW_RETURNED]: Topics.supervision,
  [REPLY_DELIVERED]: Topics.supervision,
  [REVIEW_WINDOW_ENDED]: Topics.supervision,
  [EVALUATION_RECORDED]: Topics.supervision,
  [APPEAL_FILED]: Topics.supervision,
  [APPEAL_HEARING_RECORDED]: Topics.supervision,
  [APPEAL_DECIDED]: Topics.supervision,
  [PETITION_CLOSED]: Topics.supervision,
  [PETITION_CONCLUDED]: Topics.supervision,
  [DEADLINE_WARNING]: Topics.supervision,
  [DEADLINE_OVERDUE]: Topics.supervision,
  [URGE_ISSUED]: Topics.supervision,
  [SUPERVISION_ORDER_ISSUED]: Topics.supervision,
  [SUPERVISION_ORDER_ANSWERED]: Topics.supervision,
  [ASSESSMENT_PUBLISHED]: Topics.supervision,
};

/** The topic an event type travels on. */
export function topicOf(type: EventType): TopicName {
  return EventTopics[type];
}
