import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ALERT_EMERGENCY,
  APPEAL_FILED,
  DEADLINE_OVERDUE,
  EVALUATION_RECORDED,
  PETITION_ASSIGNED,
  PETITION_CLOSED,
  PETITION_CONCLUDED,
  PETITION_REGISTERED,
  PETITION_REPEAT_LINKED,
  PETITION_REPLIED,
  PETITION_TRIAGED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  REVIEW_RETURNED,
  TriageOutcome,
  UNIT_UPSERTED,
  WORK_ITEM_ACCEPTED,
  type EventEnvelope,
  type EventType,
} from '@petition/contracts';
import type { EventHandlers } from '@petition/messaging';
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

  /**
   * What each event type adds to the read models, keyed by type: the consumer acts on these types
   * only (others are acknowledged without a transaction), and a rebuild replays through the same map.
   */
  readonly handlers: EventHandlers = {
    [PETITION_REGISTERED]: async (event, manager) => {
      const p = event.payload;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'set'],
        registered_at: [p.registeredAt, 'set'],
        has_registration: [true, 'set'],
        channel: [p.channel, 'set'],
        nature: [p.nature, 'set'],
        category_code: [p.categoryCode, 'set'],
        region_code: [p.regionCode, 'set'],
        title: [p.title, 'set'],
        petitioner_ref: [p.petitionerRef, 'set'],
        headcount: [p.headcount, 'set'],
        emergency: [p.emergency, 'or'],
      });
      await this.facts.inheritFromOriginal(manager, p.petitionId);
      await this.facts.addTerms(manager, p.petitionId, hotspotTerms(p.title), p.registeredAt, p.categoryCode, p.regionCode);
    },
    [PETITION_TRIAGED]: async (event, manager) => {
      const p = event.payload;
      const repeatOf = p.outcome === TriageOutcome.LinkRepeat ? (p.relatedPetitionId ?? null) : null;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'],
        triage_outcome: [p.outcome, 'set'],
        triaged_at: [p.decidedAt, 'earliest'],
        first_seen_at: [p.receivedAt ?? p.decidedAt, 'earliest'],
        repeat_of: [repeatOf, 'fill'],
        // A petition that triage ends has no `petition.registered`: its classification comes from here.
        channel: [p.channel ?? null, 'fill'],
        nature: [p.nature ?? null, 'fill'],
        category_code: [p.categoryCode ?? null, 'fill'],
        region_code: [p.regionCode ?? null, 'fill'],
      });
      if (repeatOf) await this.facts.inheritFromOriginal(manager, p.petitionId);
    },
    [PETITION_REPEAT_LINKED]: async (event, manager) => {
      const p = event.payload;
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'],
        repeat_of: [p.originalPetitionId, 'fill'],
        first_seen_at: [p.linkedAt, 'earliest'],
      });
      await this.facts.inheritFromOriginal(manager, p.petitionId);
    },
    [ALERT_EMERGENCY]: async (event, manager) => {
      const p = event.payload;
      await this.facts.recordEmergency(manager, p);
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'],
        emergency: [true, 'or'],
        region_code: [p.regionCode, 'fill'],
        first_seen_at: [p.raisedAt, 'earliest'],
      });
    },
    [PETITION_ASSIGNED]: async (event, manager) => {
      const p = event.payload;
      await this.facts.assign(manager, p.petitionId, p.leadUnitId, p.assignedAt);
      await this.facts.upsert(manager, p.petitionId, {
        tracking_no: [p.trackingNo, 'fill'],
        nature: [p.nature, 'fill'],
        category_code: [p.categoryCode, 'fill'],
        region_code: [p.regionCode, 'fill'],
        title: [p.title, 'fill'],
      });
    },
    [WORK_ITEM_ACCEPTED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, { accepted_at: [event.payload.acceptedAt, 'earliest'] });
    },
    [PETITION_REPLIED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, {
        replied_at: [event.payload.repliedAt, 'earliest'],
        reply_round: [event.payload.round, 'max'],
      });
    },
    [REVIEW_APPROVED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, {
        approved_at: [event.payload.decidedAt, 'earliest'],
        approved_round: [event.payload.round, 'max'],
      });
    },
    [REVIEW_RETURNED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, { returned_round: [event.payload.round, 'max'] });
    },
    [REPLY_DELIVERED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, { delivered_at: [event.payload.deliveredAt, 'earliest'] });
    },
    [EVALUATION_RECORDED]: async (event, manager) => {
      const p = event.payload;
      await this.facts.evaluate(manager, p.petitionId, p.round, p.satisfaction, p.solved);
    },
    [PETITION_CLOSED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, { closed_at: [event.payload.closedAt, 'earliest'] });
    },
    [PETITION_CONCLUDED]: async (event, manager) => {
      await this.facts.upsert(manager, event.payload.petitionId, { concluded_at: [event.payload.concludedAt, 'earliest'] });
    },
    [APPEAL_FILED]: async (event, manager) => {
      await this.facts.countAppeal(manager, event.payload.petitionId);
    },
    [DEADLINE_OVERDUE]: async (event, manager) => {
      // A step of the bureau (delivery, callback, appeal decisions) is never a unit's overdue, also
      // when an earlier release's flag still names the lead unit.
      const p = event.payload;
      await this.facts.recordOverdue(manager, { ...p, unitId: stageHolder(p.stage) === 'unit' ? p.unitId : null });
    },
    [UNIT_UPSERTED]: async (event, manager) => {
      await this.facts.upsertUnit(manager, event.payload);
    },
  };

  /** Applies any event (a rebuild replays every topic); types without a handler change nothing. */
  async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const handler = this.handlers[event.type as EventType] as ((e: EventEnvelope, m: EntityManager) => Promise<void>) | undefined;
    if (handler) await handler(event, manager);
  }
}
