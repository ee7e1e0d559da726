import { Injectable } from '@nestjs/common';
import {
  AssignmentRole,
  PetitionStatus,
  type AssignmentReturnedPayload,
  type EventEnvelope,
  type ExtensionDecidedPayload,
  type ExtensionRequestedPayload,
  type PetitionAssignedPayload,
  type PetitionQueuedPayload,
  type WorkItemAcceptedPayload,
  type WorkItemOpenedPayload,
} from '@petition/contracts';
import { lastDayOfPeriod } from '@petition/deadlines';
import type { EntityManager } from 'typeorm';
import { DecisionsRepository } from '../decisions/decisions.repository';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { TimelineRepository } from '../timeline/timeline.repository';
import { RANK } from './status-rank';

/**
 * Keeps the petitioner's timeline and intake's view of the status current from the other
 * services' events. An event about a petition intake does not know is skipped (another
 * deployment's data on a shared topic), not retried.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly timeline: TimelineRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

  async onAssigned(manager: EntityManager, event: EventEnvelope<PetitionAssignedPayload>): Promise<void> {
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p) return;
    const at = new Date(event.payload.assignedAt);
    const status = RANK[p.status] < RANK[PetitionStatus.Assigned] ? PetitionStatus.Assigned : p.status;
    await this.petitions.updateStatus(
      manager,
      p.id,
      { status, leadUnitId: event.payload.leadUnitId, coHandlerUnitIds: event.payload.coHandlerUnitIds },
      at,
    );
    await this.timeline.append(manager, p.id, 'assigned', at);
  }

  /**
   * A confirmed return ends the assignment: its units lose the petitioner's contact data and the
   * case file at once (a new `petition.assigned` names the next ones). Only when the returning unit
   * still leads: an older return replayed after a newer assignment changes nothing.
   */
  async onReturned(manager: EntityManager, event: EventEnvelope<AssignmentReturnedPayload>): Promise<void> {
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p || p.leadUnitId !== event.payload.unitId) return;
    await this.petitions.updateStatus(manager, p.id, { leadUnitId: null, coHandlerUnitIds: [] }, new Date(event.payload.confirmedAt));
  }

  async onQueued(manager: EntityManager, event: EventEnvelope<PetitionQueuedPayload>): Promise<void> {
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p) return;
    // In the manual queue no unit holds the matter: none may read its petitioner's data.
    if (p.leadUnitId || p.coHandlerUnitIds.length)
      await this.petitions.updateStatus(manager, p.id, { leadUnitId: null, coHandlerUnitIds: [] }, new Date(event.payload.queuedAt));
    // The routing reason is internal; the petitioner only learns that a person will assign it.
    await this.timeline.append(manager, p.id, 'queued_for_dispatcher', new Date(event.payload.queuedAt));
  }

  async onWorkItemOpened(manager: EntityManager, event: EventEnvelope<WorkItemOpenedPayload>): Promise<void> {
    if (event.payload.role !== AssignmentRole.Lead) return;
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p) return;
    // One step per receipt: a second opening event for the same lead (a replay from another producer) adds nothing.
    if ((await this.timeline.lastKind(manager, p.id)) === 'unit_received') return;
    await this.timeline.append(manager, p.id, 'unit_received', new Date(event.payload.openedAt));
  }

  /** The lead unit accepted (受理): the petitioner is told, with the date by which it must be handled. */
  async onAccepted(manager: EntityManager, event: EventEnvelope<WorkItemAcceptedPayload>): Promise<void> {
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p) return;
    const at = new Date(event.payload.acceptedAt);
    const due = event.payload.handlingDeadline.due;
    const status = RANK[p.status] < RANK[PetitionStatus.Accepted] ? PetitionStatus.Accepted : p.status;
    await this.petitions.updateStatus(manager, p.id, { status, acceptedAt: at, handlingDue: new Date(due) }, at);
    await this.timeline.append(manager, p.id, 'accepted', at, `承办单位已受理，将于 ${lastDayOfPeriod(due)} 前办结`);
  }

  /** Kept until decided: an approval tells the petitioner the new date and this reason (条例 Art. 34). */
  async onExtensionRequested(manager: EntityManager, event: EventEnvelope<ExtensionRequestedPayload>): Promise<void> {
    const e = event.payload;
    await this.decisions.recordExtensionRequest(manager, {
      requestId: e.requestId,
      petitionId: e.petitionId,
      days: e.days,
      reason: e.reason,
      requestedAt: new Date(e.requestedAt),
    });
  }

  async onExtensionDecided(manager: EntityManager, event: EventEnvelope<ExtensionDecidedPayload>): Promise<void> {
    const e = event.payload;
    const p = await this.petitions.lockById(manager, e.petitionId);
    if (!p) return;
    const at = new Date(e.decidedAt);
    const due = e.approved ? (e.handlingDeadline?.due ?? null) : null;
    const request = await this.decisions.decideExtension(manager, e.requestId, {
      decidedAt: at,
      approved: e.approved,
      newDue: due ? new Date(due) : null,
    });
    // A denial changes nothing the petitioner was told; the original date stands.
    if (!e.approved || !due) return;
    await this.petitions.updateStatus(manager, p.id, { handlingDue: new Date(due) }, at);
    const reason = request ? `，理由：${request.reason}` : '';
    await this.timeline.append(manager, p.id, 'extended', at, `办理期限延长至 ${lastDayOfPeriod(due)}${reason}`);
  }
}
