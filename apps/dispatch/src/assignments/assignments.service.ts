import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import {
  PETITION_ASSIGNED, PETITION_QUEUED, Topics, createEnvelope, toOffsetIso,
  type EventEnvelope, type Page, type PetitionAssignedPayload, type PetitionQueuedPayload, type PetitionRegisteredPayload,
} from '@petition/contracts';
import { OutboxWriter } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { RoutingService } from '../routing/routing.service';
import { AssignmentDeadlines } from './assignment-deadlines';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentView } from './dto/assignment.view';
import { AssignmentEntity } from './entities/assignment.entity';

/** Automatic dispatch: a registered petition becomes an assignment, or waits for a dispatcher. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repository: AssignmentsRepository,
    private readonly routing: RoutingService,
    private readonly deadlines: AssignmentDeadlines,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Routes a registered petition inside the consumer's transaction. A petition that already has
   * an active assignment is left alone (the unique index makes that hold even under races).
   */
  async onRegistered(manager: EntityManager, event: EventEnvelope<PetitionRegisteredPayload>): Promise<void> {
    const petition = event.payload;
    if (await this.repository.activeFor(manager, petition.petitionId)) return;
    const now = this.clock.now();
    const decision = await this.routing.route(manager, petition, now);
    if (decision.kind === 'queue') {
      await this.repository.enqueue(manager, { petitionId: petition.petitionId, reason: decision.reason, petition: { ...petition }, queuedAt: now, resolvedAt: null });
      const payload: PetitionQueuedPayload = { petitionId: petition.petitionId, reason: decision.reason, queuedAt: toOffsetIso(now) };
      await this.outbox.append(manager, {
        topic: Topics.dispatch,
        key: petition.petitionId,
        envelope: createEnvelope('dispatch', now, { type: PETITION_QUEUED, petitionId: petition.petitionId, payload, cause: event }),
      });
      return;
    }
    const accept = this.deadlines.unitAccept(now);
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
      assignedBy: 'routing',
      assignedAt: now,
    });
    await this.repository.insert(manager, assignment);
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
    };
    await this.outbox.append(manager, {
      topic: Topics.dispatch,
      key: assignment.petitionId,
      envelope: createEnvelope('dispatch', now, { type: PETITION_ASSIGNED, petitionId: assignment.petitionId, payload, cause: event }),
    });
  }

  async forPetition(petitionId: string): Promise<Page<AssignmentView>> {
    const rows = await this.repository.forPetition(petitionId);
    return { items: rows.map(AssignmentView.from), nextCursor: null };
  }
}
