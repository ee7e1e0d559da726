import { Injectable } from '@nestjs/common';
import {
  AssignmentRole,
  PetitionStatus,
  type EventEnvelope,
  type PetitionAssignedPayload,
  type PetitionQueuedPayload,
  type WorkItemOpenedPayload,
} from '@petition/contracts';
import type { EntityManager } from 'typeorm';
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

  async onQueued(manager: EntityManager, event: EventEnvelope<PetitionQueuedPayload>): Promise<void> {
    const p = await this.petitions.lockById(manager, event.payload.petitionId);
    if (!p) return;
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
}
