import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EventEnvelopeSchema, type EventEnvelope } from './envelope';
import { ASSIGNMENT_RETURN_REJECTED, AssignmentReturnRejectedPayload } from './events/assignment-return-rejected.event';
import { ASSIGNMENT_RETURN_REQUESTED, AssignmentReturnRequestedPayload } from './events/assignment-return-requested.event';
import { ASSIGNMENT_RETURNED, AssignmentReturnedPayload } from './events/assignment-returned.event';
import { PETITION_ASSIGNED, PetitionAssignedPayload } from './events/petition-assigned.event';
import { PETITION_QUEUED, PetitionQueuedPayload } from './events/petition-queued.event';
import { PETITION_REGISTERED, PetitionRegisteredPayload } from './events/petition-registered.event';
import { UNIT_UPSERTED, UnitUpsertedPayload } from './events/unit-upserted.event';
import { EXTENSION_APPROVED, EXTENSION_DENIED, ExtensionDecidedPayload } from './events/extension-decided.event';
import { EXTENSION_REQUESTED, ExtensionRequestedPayload } from './events/extension-requested.event';
import { WORK_ITEM_ACCEPTED, WorkItemAcceptedPayload } from './events/work-item-accepted.event';
import { WORK_ITEM_CONTACT_RECORDED, WorkItemContactRecordedPayload } from './events/work-item-contact-recorded.event';
import { WORK_ITEM_OPENED, WorkItemOpenedPayload } from './events/work-item-opened.event';
import { ALERT_EMERGENCY, AlertEmergencyPayload } from './events/alert-emergency.event';
import { APPEAL_REQUESTED, AppealRequestedPayload } from './events/appeal-requested.event';
import { EVALUATION_SUBMITTED, EvaluationSubmittedPayload } from './events/evaluation-submitted.event';
import { PETITION_REPEAT_LINKED, PetitionRepeatLinkedPayload } from './events/petition-repeat-linked.event';
import { PETITION_TRIAGED, PetitionTriagedPayload } from './events/petition-triaged.event';
import { WORK_ITEM_CONTRIBUTION_ADDED, WorkItemContributionAddedPayload } from './events/work-item-contribution-added.event';
import { PETITION_REPLIED, PetitionRepliedPayload } from './events/petition-replied.event';
import { WORK_ITEM_REWORK_STARTED, WorkItemReworkStartedPayload } from './events/work-item-rework-started.event';
import { DEADLINE_OVERDUE, DEADLINE_WARNING, DeadlineFlaggedPayload } from './events/deadline-flagged.event';
import {
  SUPERVISION_ORDER_ANSWERED,
  SUPERVISION_ORDER_ISSUED,
  SupervisionOrderAnsweredPayload,
  SupervisionOrderIssuedPayload,
  URGE_ISSUED,
  UrgeIssuedPayload,
} from './events/supervision-actions.event';
import { REVIEW_APPROVED, REVIEW_RETURNED, ReviewApprovedPayload, ReviewReturnedPayload } from './events/review-decided.event';
import { REPLY_DELIVERED, ReplyDeliveredPayload } from './events/reply-delivered.event';
import { REVIEW_WINDOW_ENDED, ReviewWindowEndedPayload } from './events/review-window-ended.event';
import { EVALUATION_RECORDED, EvaluationRecordedPayload } from './events/evaluation-recorded.event';
import { APPEAL_DECIDED, APPEAL_FILED, AppealDecidedPayload, AppealFiledPayload } from './events/appeal-decided.event';
import { PETITION_CLOSED, PetitionClosedPayload } from './events/petition-closed.event';
import { PETITION_CONCLUDED, PetitionConcludedPayload } from './events/petition-concluded.event';
import { ASSESSMENT_PUBLISHED, AssessmentPublishedPayload } from './events/assessment-published.event';
import { APPEAL_HEARING_RECORDED, AppealHearingRecordedPayload } from './events/appeal-hearing-recorded.event';

/** Payload class of every event type, used to validate events when they are consumed. */
export const EventPayloadClasses = {
  [PETITION_REGISTERED]: PetitionRegisteredPayload,
  [PETITION_ASSIGNED]: PetitionAssignedPayload,
  [PETITION_QUEUED]: PetitionQueuedPayload,
  [WORK_ITEM_OPENED]: WorkItemOpenedPayload,
  [WORK_ITEM_ACCEPTED]: WorkItemAcceptedPayload,
  [WORK_ITEM_CONTACT_RECORDED]: WorkItemContactRecordedPayload,
  [EXTENSION_REQUESTED]: ExtensionRequestedPayload,
  [EXTENSION_APPROVED]: ExtensionDecidedPayload,
  [EXTENSION_DENIED]: ExtensionDecidedPayload,
  [UNIT_UPSERTED]: UnitUpsertedPayload,
  [PETITION_TRIAGED]: PetitionTriagedPayload,
  [PETITION_REPEAT_LINKED]: PetitionRepeatLinkedPayload,
  [ALERT_EMERGENCY]: AlertEmergencyPayload,
  [EVALUATION_SUBMITTED]: EvaluationSubmittedPayload,
  [APPEAL_REQUESTED]: AppealRequestedPayload,
  [ASSIGNMENT_RETURN_REQUESTED]: AssignmentReturnRequestedPayload,
  [ASSIGNMENT_RETURNED]: AssignmentReturnedPayload,
  [ASSIGNMENT_RETURN_REJECTED]: AssignmentReturnRejectedPayload,
  [WORK_ITEM_CONTRIBUTION_ADDED]: WorkItemContributionAddedPayload,
  [PETITION_REPLIED]: PetitionRepliedPayload,
  [WORK_ITEM_REWORK_STARTED]: WorkItemReworkStartedPayload,
  [DEADLINE_WARNING]: DeadlineFlaggedPayload,
  [DEADLINE_OVERDUE]: DeadlineFlaggedPayload,
  [URGE_ISSUED]: UrgeIssuedPayload,
  [SUPERVISION_ORDER_ISSUED]: SupervisionOrderIssuedPayload,
  [SUPERVISION_ORDER_ANSWERED]: SupervisionOrderAnsweredPayload,
  [REVIEW_APPROVED]: ReviewApprovedPayload,
  [REVIEW_RETURNED]: ReviewReturnedPayload,
  [REPLY_DELIVERED]: ReplyDeliveredPayload,
  [REVIEW_WINDOW_ENDED]: ReviewWindowEndedPayload,
  [EVALUATION_RECORDED]: EvaluationRecordedPayload,
  [APPEAL_FILED]: AppealFiledPayload,
  [APPEAL_DECIDED]: AppealDecidedPayload,
  [PETITION_CONCLUDED]: PetitionConcludedPayload,
  [PETITION_CLOSED]: PetitionClosedPayload,
  [ASSESSMENT_PUBLISHED]: AssessmentPublishedPayload,
  [APPEAL_HEARING_RECORDED]: AppealHearingRecordedPayload,
} as const;

/** Every known event type name. */
export type EventType = keyof typeof EventPayloadClasses;

/** The payload type of event type `T`. */
export type PayloadOf<T extends EventType> = InstanceType<(typeof EventPayloadClasses)[T]>;

/** One reason an event failed validation, by field path. */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** Thrown for an event that can never be processed: it belongs on the dead-letter topic. */
export class MalformedEventError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/** Flattens class-validator errors into `field: reason` pairs with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) issues.push({ field, reason });
    if (error.children?.length) issues.push(...flattenValidationErrors(error.children, field));
  }
  return issues;
}

/**
 * Parses and validates a raw Kafka value (Buffer, string or already-parsed object) as an event
 * envelope. A known type also has its payload validated; an unknown type passes with its payload
 * untouched, so consumers can skip events they do not handle without dead-lettering them.
 * @throws MalformedEventError when the value is not a valid event.
 */
export function parseEvent(raw: unknown): EventEnvelope {
  let value = raw;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new MalformedEventError('event value is not JSON');
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedEventError('event value is not a JSON object');
  }
  const envelope = plainToInstance(EventEnvelopeSchema, value);
  const envelopeIssues = flattenValidationErrors(validateSync(envelope, { forbidUnknownValues: false }));
  if (envelopeIssues.length) throw new MalformedEventError('invalid event envelope', envelopeIssues);
  const payloadClass = (EventPayloadClasses as Record<string, new () => object>)[envelope.type];
  if (payloadClass) {
    const payload = plainToInstance(payloadClass, envelope.payload);
    const payloadIssues = flattenValidationErrors(validateSync(payload, { forbidUnknownValues: false }), 'payload');
    if (payloadIssues.length) throw new MalformedEventError(`invalid payload of ${envelope.type}`, payloadIssues);
  }
  return { ...(value as EventEnvelope) };
}

/** Narrows an envelope to a known event type. */
export function isEvent<T extends EventType>(envelope: EventEnvelope, type: T): envelope is EventEnvelope<PayloadOf<T>, T> {
  return envelope.type === type;
}
