import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  ASSIGNMENT_RETURN_REQUESTED,
  AssignmentRole,
  WorkItemStatus,
  toOffsetIso,
  type AssignmentReturnRequestedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../work-item-access';
import { WorkItemView } from '../dto/work-item.view';
import { HandlingDeadlines } from '../handling-deadlines';
import { NotLeadError, ReturnWindowClosedError, WorkItemStateError } from '../work-items.errors';
import { WorkItemsRepository } from '../work-items.repository';

/**
 * The lead unit returns a misrouted assignment (退回) with a reason, inside its window. The
 * bureau decides: a confirmed return closes the unit's items and re-dispatches; a rejected one
 * leaves the matter with the unit, deadlines unchanged.
 */
@Injectable()
export class ReturnWorkItemUseCase {
  constructor(
    private readonly repository: WorkItemsRepository,
    private readonly deadlines: HandlingDeadlines,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, reason: string): Promise<WorkItemView> {
    const now = this.clock.now();
    return this.access.inOwnItem(user, id, 'return', async (m, item, unitId) => {
      if (item.role !== AssignmentRole.Lead) throw new NotLeadError('退回', 'return the assignment');
      if ((item.status !== WorkItemStatus.Assigned && item.status !== WorkItemStatus.Accepted) || item.returnRequestedAt) {
        throw new WorkItemStateError('退回', item.returnRequestedAt ? 'return_requested' : item.status);
      }
      const windowEnd = this.deadlines.returnWindowEnd(item.assignedAt);
      if (now >= windowEnd) throw new ReturnWindowClosedError(toOffsetIso(windowEnd));
      Object.assign(item, { returnRequestedAt: now, returnReason: reason, returnDecisionNote: null });
      await this.repository.update(m, item);
      const payload: AssignmentReturnRequestedPayload = {
        assignmentId: item.assignmentId,
        petitionId: item.petitionId,
        unitId,
        reason,
        requestedBy: user.sub,
        requestedAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: ASSIGNMENT_RETURN_REQUESTED, petitionId: item.petitionId, payload });
      return WorkItemView.from(item, now);
    });
  }
}
