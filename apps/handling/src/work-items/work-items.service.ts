import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  WORK_ITEM_OPENED,
  WorkItemStatus,
  toOffsetIso,
  type AssignmentReturnRejectedPayload,
  type AssignmentReturnedPayload,
  type EventEnvelope,
  type Page,
  type PetitionAssignedPayload,
  type WorkItemOpenedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import type { InboxQueryDto } from './dto/inbox-query.dto';
import { WorkItemView } from './dto/work-item.view';
import { HandlingDeadlines } from './handling-deadlines';
import { WorkItemEntity } from './entities/work-item.entity';
import { NoUnitError } from './work-items.errors';
import { WorkItemsRepository } from './work-items.repository';

/** Work items: created from assignments, read by the unit they belong to. */
@Injectable()
export class WorkItemsService {
  constructor(
    private readonly repository: WorkItemsRepository,
    private readonly deadlines: HandlingDeadlines,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens a work item for the lead and one for each co-handler; redeliveries change nothing. */
  async onAssigned(manager: EntityManager, event: EventEnvelope<PetitionAssignedPayload>): Promise<void> {
    const a = event.payload;
    const now = this.clock.now();
    const parts: Array<[string, AssignmentRole]> = [
      [a.leadUnitId, AssignmentRole.Lead],
      ...a.coHandlerUnitIds.map((u): [string, AssignmentRole] => [u, AssignmentRole.CoHandler]),
    ];
    for (const [unitId, role] of parts) {
      const item = Object.assign(new WorkItemEntity(), {
        id: randomUUID(),
        petitionId: a.petitionId,
        assignmentId: a.assignmentId,
        unitId,
        role,
        status: WorkItemStatus.Assigned,
        trackingNo: a.trackingNo,
        title: a.title,
        nature: a.nature,
        track: a.track,
        categoryCode: a.categoryCode,
        regionCode: a.regionCode,
        petitionerNameMasked: a.petitionerNameMasked,
        instructions: a.instructions ?? null,
        emergency: a.emergency ?? false,
        acceptDue: new Date(a.acceptDeadline.due),
        acceptRuleSet: a.acceptDeadline.ruleSet,
        assignedAt: new Date(a.assignedAt),
        openedAt: now,
        currentDue: new Date(a.acceptDeadline.due),
        currentWarningAt: this.deadlines.warningAt(a.acceptDeadline),
        handlingStage: a.handlingStage,
      });
      if (!(await this.repository.insertIfAbsent(manager, item))) continue;
      const payload: WorkItemOpenedPayload = {
        workItemId: item.id,
        petitionId: item.petitionId,
        assignmentId: item.assignmentId,
        unitId,
        role,
        openedAt: toOffsetIso(now),
      };
      await this.outbox.publish(manager, now, { type: WORK_ITEM_OPENED, petitionId: item.petitionId, payload, cause: event });
    }
  }

  async inbox(user: StaffUser, query: InboxQueryDto): Promise<Page<WorkItemView>> {
    const unitId = requireUnit(user);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const now = this.clock.now();
    const rows = await this.repository.inbox(
      unitId,
      {
        status: query.status,
        track: query.track,
        dueBefore: query.dueBefore,
        state: query.state,
        emergency: query.emergency,
        q: query.q?.trim() || undefined,
        now,
      },
      limit + 1,
      after ? { due: String(after[0]), id: String(after[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((w) => WorkItemView.from(w, now)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.currentDue.toISOString(), last.id]) : null,
    };
  }

  /** The bureau confirmed the lead's return: every part of that assignment is closed as returned. */
  async onReturnConfirmed(manager: EntityManager, event: EventEnvelope<AssignmentReturnedPayload>): Promise<void> {
    for (const item of await this.repository.lockForAssignment(manager, event.payload.assignmentId)) {
      if (item.status === WorkItemStatus.Returned) continue;
      item.status = WorkItemStatus.Returned;
      await this.repository.update(manager, item);
    }
  }

  /** The bureau rejected the return: the matter stays with the unit, with the dispatcher's note. */
  async onReturnRejected(manager: EntityManager, event: EventEnvelope<AssignmentReturnRejectedPayload>): Promise<void> {
    const lead = (await this.repository.lockForAssignment(manager, event.payload.assignmentId)).find(
      (w) => w.unitId === event.payload.unitId,
    );
    if (!lead?.returnRequestedAt) return;
    Object.assign(lead, { returnRequestedAt: null, returnDecisionNote: event.payload.decisionNote });
    await this.repository.update(manager, lead);
  }
}

/** The caller's unit; staff without one have no inbox (403 `NO_UNIT`). */
export function requireUnit(user: StaffUser): string {
  if (!user.unitId) throw new NoUnitError();
  return user.unitId;
}
