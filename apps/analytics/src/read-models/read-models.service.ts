import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_EMERGENCY, APPEAL_FILED, DEADLINE_OVERDUE, EVALUATION_RECORDED, PETITION_ASSIGNED, PETITION_CLOSED, PETITION_CONCLUDED,
  PETITION_REGISTERED, PETITION_REPEAT_LINKED, PETITION_REPLIED, PETITION_TRIAGED, REPLY_DELIVERED, REVIEW_APPROVED, REVIEW_RETURNED,
  TriageOutcome, UNIT_UPSERTED, WORK_ITEM_ACCEPTED, isEvent, type EventEnvelope,
} from '@petition/contracts';
import { stageHolder } from '@petition/deadlines';
import { hotspotTerms } from './hotspot-terms';
import { PetitionFactsRepository } from './petition-facts.repository';

/**
 * Projects every platform event onto the analytics read models. Each event only adds what it
 * knows, with order-free merges, so an `accepted` before its `assigned`, or a replay of the whole
 * history, lands in the same rows. Types analytics does not use are skipped (not dead-lettered).
 */
@Injectable()
export class ReadModelsService {
  constructor(private readonly facts: PetitionFactsRepository) {}

  async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (isEvent(event, PETITION_REGISTERED)) {
      const p = event.payload;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'set'], registered_at: [p.registeredAt, 'set'], has_registration: [true, 'set'], channel: [p.channel, 'set'],
        nature: [p.nature, 'set'], category_code: [p.categoryCode, 'set'], region_code: [p.regionCode, 'set'], title: [p.title, 'set'],
        petitioner_ref: [p.petitionerRef, 'set'], headcount: [p.headcount, 'set'], emergency: [p.emergency, 'or'],
      });
      await this.facts.inheritFromOriginal(manager, p.petitionId);
      await this.facts.addTerms(manager, p.petitionId, hotspotTerms(p.title), p.registeredAt, p.categoryCode, p.regionCode);
    } else if (isEvent(event, PETITION_TRIAGED)) {
      const p = event.payload;
      const repeatOf = p.outcome === TriageOutcome.LinkRepeat ? (p.relatedPetitionId ?? null) : null;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'], triage_outcome: [p.outcome, 'set'], triaged_at: [p.decidedAt, 'earliest'],
        first_seen_at: [p.receivedAt ?? p.decidedAt, 'earliest'], repeat_of: [repeatOf, 'fill'],
        // A petition that triage ends has no `petition.registered`: its classification comes from here.
        channel: [p.channel ?? null, 'fill'], nature: [p.nature ?? null, 'fill'], category_code: [p.categoryCode ?? null, 'fill'], region_code: [p.regionCode ?? null, 'fill'],
      });
      if (repeatOf) await this.facts.inheritFromOriginal(manager, p.petitionId);
    } else if (isEvent(event, PETITION_REPEAT_LINKED)) {
      const p = event.payload;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'], repeat_of: [p.originalPetitionId, 'fill'], first_seen_at: [p.linkedAt, 'earliest'],
      });
      await this.facts.inheritFromOriginal(manager, p.petitionId);
    } else if (isEvent(event, ALERT_EMERGENCY)) {
      const p = event.payload;
      await this.facts.recordEmergency(manager, p);
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'], emergency: [true, 'or'], region_code: [p.regionCode, 'fill'], first_seen_at: [p.raisedAt, 'earliest'],
      });
    } else if (isEvent(event, PETITION_ASSIGNED)) {
      const p = event.payload;
      await this.facts.assign(manager, p.petitionId, p.leadUnitId, p.assignedAt);
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'], nature: [p.nature, 'fill'], category_code: [p.categoryCode, 'fill'], region_code: [p.regionCode, 'fill'], title: [p.title, 'fill'],
      });
    } else if (isEvent(event, WORK_ITEM_ACCEPTED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { accepted_at: [event.payload.acceptedAt, 'earliest'] });
    } else if (isEvent(event, PETITION_REPLIED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { replied_at: [event.payload.repliedAt, 'earliest'], reply_round: [event.payload.round, 'max'] });
    } else if (isEvent(event, REVIEW_APPROVED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { approved_at: [event.payload.decidedAt, 'earliest'], approved_round: [event.payload.round, 'max'] });
    } else if (isEvent(event, REVIEW_RETURNED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { returned_round: [event.payload.round, 'max'] });
    } else if (isEvent(event, REPLY_DELIVERED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { delivered_at: [event.payload.deliveredAt, 'earliest'] });
    } else if (isEvent(event, EVALUATION_RECORDED)) {
      const p = event.payload;
      await this.facts.evaluate(manager, p.petitionId, p.round, p.satisfaction, p.solved);
    } else if (isEvent(event, PETITION_CLOSED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { closed_at: [event.payload.closedAt, 'earliest'] });
    } else if (isEvent(event, PETITION_CONCLUDED)) {
      await this.facts.upsert(manager, event.payload.petitionId, { concluded_at: [event.payload.concludedAt, 'earliest'] });
    } else if (isEvent(event, APPEAL_FILED)) {
      await this.facts.countAppeal(manager, event.payload.petitionId);
    } else if (isEvent(event, DEADLINE_OVERDUE)) {
      // A step of the bureau (delivery, callback, appeal decisions) is never a unit's overdue, also
      // when an earlier release's flag still names the lead unit.
      const p = event.payload;
      await this.facts.recordOverdue(manager, { ...p, unitId: stageHolder(p.stage) === 'unit' ? p.unitId : null });
    } else if (isEvent(event, UNIT_UPSERTED)) {
      await this.facts.upsertUnit(manager, event.payload);
    }
  }
}
