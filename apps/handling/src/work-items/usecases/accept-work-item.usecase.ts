import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  WORK_ITEM_ACCEPTED,
  WorkItemStatus,
  toOffsetIso,
  type HandlingStage,
  type WorkItemAcceptedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { WorkItemView } from '../dto/work-item.view';
import { coHandlersFollowLead } from '../co-handlers-follow-lead';
import { HandlingDeadlines } from '../handling-deadlines';
import { WorkItemAccess } from '../work-item-access';
import { NotLeadError, WorkItemStateError } from '../work-items.errors';
import { WorkItemsRepository } from '../work-items.repository';

/**
 * Acceptance (受理) by the lead unit: the handling and first-contact clocks start now, their
 * deadlines are fixed and published with the acceptance. Late acceptance is still acceptance;
 * whether it was on time is recorded for the unit's acceptance rate.
 */
@Injectable()
export class AcceptWorkItemUseCase {
  constructor(
    private readonly repository: WorkItemsRepository,
    private readonly deadlines: HandlingDeadlines,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string): Promise<WorkItemView> {
    return this.access.inOwnItem(user, id, 'accept', async (manager, item, unitId) => {
      if (item.role !== AssignmentRole.Lead) throw new NotLeadError();
      if (item.status !== WorkItemStatus.Assigned) throw new WorkItemStateError('受理', item.status);
      if (!item.handlingStage) throw new WorkItemStateError('受理', 'missing its handling stage');
      const now = this.clock.now();
      const { handling, firstContact, handlingWarningAt, handlingRecord } = this.deadlines.atAcceptance(
        item.handlingStage as HandlingStage,
        now,
      );
      Object.assign(item, {
        status: WorkItemStatus.Accepted,
        acceptedAt: now,
        acceptedBy: user.sub,
        handlingStage: handling.stage,
        handlingDue: new Date(handling.due),
        handlingRuleSet: handling.ruleSet,
        handlingProvisional: handling.provisional,
        firstContactDue: new Date(firstContact.due),
        currentDue: new Date(handling.due),
        currentWarningAt: handlingWarningAt,
        handlingDeadline: handlingRecord as unknown as Record<string, unknown>,
      });
      await this.repository.update(manager, item);
      await coHandlersFollowLead(manager, this.repository, item);
      const payload: WorkItemAcceptedPayload = {
        workItemId: item.id,
        petitionId: item.petitionId,
        assignmentId: item.assignmentId,
        unitId,
        acceptedAt: toOffsetIso(now),
        acceptedOnTime: now.getTime() < item.acceptDue.getTime(),
        handlingDeadline: handling,
        firstContactDeadline: firstContact,
      };
      await this.outbox.publish(manager, now, { type: WORK_ITEM_ACCEPTED, petitionId: item.petitionId, payload });
      return WorkItemView.from(item, now);
    });
  }
}
