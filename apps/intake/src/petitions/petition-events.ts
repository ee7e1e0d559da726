import {
  ALERT_EMERGENCY,
  PETITION_REGISTERED,
  PETITION_REPEAT_LINKED,
  PETITION_TRIAGED,
  toOffsetIso,
  type AlertEmergencyPayload,
  type EventType,
  type PetitionRegisteredPayload,
  type PetitionRepeatLinkedPayload,
  type PetitionTriagedPayload,
  type TriageOutcome,
} from '@petition/contracts';
import type { OutgoingEvent } from '@petition/messaging';
import type { PetitionEntity } from './entities/petition.entity';

/**
 * Builders of the events intake publishes about a petition. None carries PII: a pseudonymous
 * petitioner ref and a masked name are all that leave the service.
 */
/** An event about one petition, as `EventOutbox` publishes it. */
export type PetitionEvent = OutgoingEvent<EventType>;

/** `petition.registered`: the petition goes to dispatch. */
export function registeredEvent(p: PetitionEntity): PetitionEvent {
  const payload: PetitionRegisteredPayload = {
    petitionId: p.id,
    trackingNo: p.trackingNo,
    channel: p.channel,
    nature: p.nature,
    title: p.title,
    categoryCode: p.categoryCode,
    regionCode: p.regionCode,
    petitionerRef: p.petitionerRef,
    petitionerNameMasked: p.petitionerNameMasked,
    headcount: p.headcount,
    emergency: p.emergency,
    // The period of Arts. 22–23 runs from receipt: for a hotline order that is the call, before intake registered it.
    accusedUnitId: p.accusedUnitId,
    registeredAt: toOffsetIso(p.receivedAt),
  };
  return { type: PETITION_REGISTERED, petitionId: p.id, payload };
}

/** `petition.triaged`: what was decided, with the proper channel or authority when there is one. */
export function triagedEvent(p: PetitionEntity, now: Date, outcome: TriageOutcome, automatic: boolean): PetitionEvent {
  const payload: PetitionTriagedPayload = {
    petitionId: p.id,
    trackingNo: p.trackingNo,
    outcome,
    target: p.triageTarget,
    relatedPetitionId: p.relatedPetitionId,
    automatic,
    decidedAt: toOffsetIso(now),
    channel: p.channel,
    nature: p.nature,
    categoryCode: p.categoryCode,
    regionCode: p.regionCode,
    receivedAt: toOffsetIso(p.receivedAt),
  };
  return { type: PETITION_TRIAGED, petitionId: p.id, payload };
}

/** `petition.repeat_linked`: a repeat petition (重复信访) of an open matter. */
export function repeatLinkedEvent(
  p: PetitionEntity,
  original: { id: string; trackingNo: string },
  similarity: number,
  now: Date,
): PetitionEvent {
  const payload: PetitionRepeatLinkedPayload = {
    petitionId: p.id,
    trackingNo: p.trackingNo,
    originalPetitionId: original.id,
    originalTrackingNo: original.trackingNo,
    similarity,
    linkedAt: toOffsetIso(now),
  };
  return { type: PETITION_REPEAT_LINKED, petitionId: p.id, payload };
}

/** `alert.emergency`: raised at registration, before any triage. */
export function emergencyEvent(p: PetitionEntity, now: Date, flaggedByClerk: boolean): PetitionEvent {
  const payload: AlertEmergencyPayload = {
    petitionId: p.id,
    trackingNo: p.trackingNo,
    regionCode: p.regionCode,
    flaggedByClerk,
    signals: p.emergencySignals,
    raisedAt: toOffsetIso(now),
  };
  return { type: ALERT_EMERGENCY, petitionId: p.id, payload };
}
