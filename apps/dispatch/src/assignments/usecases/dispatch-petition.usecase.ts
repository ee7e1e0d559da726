import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PETITION_ASSIGNED,
  PETITION_QUEUED,
  toOffsetIso,
  type EventEnvelope,
  type PetitionAssignedPayload,
  type PetitionQueuedPayload,
  type PetitionRegisteredPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { QueueRepository } from '../../queue/queue.repository';
import type { QueueReasonKind } from '../../queue/queue-reason';
import type { RoutingDecision } from '../../routing/routing-decision';
import { RoutingService } from '../../routing/routing.service';
import { AssignmentDeadlines } from '../assignment-deadlines';
import { AssignmentsRepository } from '../assignments.repository';
import { AssignmentEntity } from '../entities/assignment.entity';

/** The event being handled, when there is one (sets causation and correlation). */
type Cause = Pick<EventEnvelope, 'eventId' | 'correlationId'> | undefined;

/** An assignment decision, from a rule or from a dispatcher. */
export type AssignDecision = Extract<RoutingDecision, { kind: 'assign' }>;

/**
 * The one place an assignment (交办单) or a queue entry is written, with its event, inside the
 * caller's transaction: automatic routing, a dispatcher's manual assignment and a re-dispatch
 * after a confirmed return all come through here, so they publish the same contract.
 */
@Injectable()
export class DispatchPetitionUseCase {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly queue: QueueRepository,
    private readonly routing: RoutingService,
    private readonly deadlines: AssignmentDeadlines,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** Routes by the rules (skipping units that returned it) and assigns, or queues for a dispatcher. */
  async routeOrQueue(
    manager: EntityManager,
    petition: PetitionRegisteredPayload,
    now: Date,
    cause: Cause,
    excludeUnitIds: string[] = [],
  ): Promise<void> {
    const decision = await this.routing.route(manager, petition, now, excludeUnitIds);
    if (decision.kind === 'queue') {
      const triageStart = excludeUnitIds.length ? now : new Date(petition.registeredAt);
      await this.enqueue(
        manager,
        petition,
        { reason: decision.reason, reasonKind: decision.reasonKind, escalated: false, triageStart },
        now,
        cause,
      );
      return;
    }
    await this.assign(manager, petition, decision, 'routing', now, cause);
  }

  /** Writes the assignment with its deadlines and publishes `petition.assigned`. */
  async assign(
    manager: EntityManager,
    petition: PetitionRegisteredPayload,
    decision: AssignDecision,
    assignedBy: string,
    now: Date,
    cause: Cause,
  ): Promise<AssignmentEntity> {
    const accept = this.deadlines.unitAccept(now);
    const ret = this.deadlines.unitReturn(now);
    const handlingStage = this.deadlines.handlingStage(decision.track);
    const assignment = Object.assign(new AssignmentEntity(), {
      id: randomUUID(),
      petitionId: petition.petitionId,
      trackingNo: petition.trackingNo,
      leadUnitId: decision.leadUnitId,
      coHandlerUnitIds: decision.coHandlerUnitIds,
      track: decision.track,
      nature: petition.nature,
      title: petition.title,
      categoryCode: petition.categoryCode,
      regionCode: petition.regionCode,
      petitionerNameMasked: petition.petitionerNameMasked,
      instructions: decision.instructions,
      ruleId: decision.ruleId,
      status: 'active' as const,
      acceptDue: new Date(accept.due),
      acceptRuleSet: accept.ruleSet,
      acceptProvisional: accept.provisional,
      returnDue: new Date(ret.due),
      returnRuleSet: ret.ruleSet,
      handlingStage,
      petition: { ...petition },
      returnedAt: null,
      assignedBy,
      assignedAt: now,
    });
    await this.assignments.insert(manager, assignment);
    const payload: PetitionAssignedPayload = {
      assignmentId: assignment.id,
      petitionId: assignment.petitionId,
      trackingNo: assignment.trackingNo,
      leadUnitId: assignment.leadUnitId,
      coHandlerUnitIds: assignment.coHandlerUnitIds,
      track: assignment.track,
      nature: assignment.nature,
      title: assignment.title,
      categoryCode: assignment.categoryCode,
      regionCode: assignment.regionCode,
      petitionerNameMasked: assignment.petitionerNameMasked,
      instructions: assignment.instructions,
      acceptDeadline: accept,
      ruleId: assignment.ruleId,
      assignedAt: toOffsetIso(now),
      returnDeadline: ret,
      handlingStage,
      emergency: Boolean(petition.emergency),
    };
    await this.outbox.publish(manager, now, { type: PETITION_ASSIGNED, petitionId: assignment.petitionId, payload, cause });
    return assignment;
  }

  /** Puts the petition in the manual queue with its triage deadline and publishes `petition.queued_for_dispatcher`. */
  async enqueue(
    manager: EntityManager,
    petition: PetitionRegisteredPayload,
    entry: { reason: string; reasonKind: QueueReasonKind; escalated: boolean; triageStart: Date },
    now: Date,
    cause: Cause,
  ): Promise<void> {
    const triage = this.deadlines.triage(entry.triageStart);
    await this.queue.enqueue(manager, {
      petitionId: petition.petitionId,
      reason: entry.reason,
      reasonKind: entry.reasonKind,
      escalated: entry.escalated,
      categoryCode: petition.categoryCode,
      regionCode: petition.regionCode,
      petition: { ...petition },
      queuedAt: now,
      triageDue: new Date(triage.due),
      triageRuleSet: triage.ruleSet,
      resolvedAt: null,
    });
    const payload: PetitionQueuedPayload = {
      petitionId: petition.petitionId,
      reason: entry.reason.slice(0, 200),
      queuedAt: toOffsetIso(now),
    };
    await this.outbox.publish(manager, now, { type: PETITION_QUEUED, petitionId: petition.petitionId, payload, cause });
  }
}
