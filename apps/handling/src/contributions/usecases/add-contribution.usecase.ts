import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  WORK_ITEM_CONTRIBUTION_ADDED,
  WorkItemStatus,
  toOffsetIso,
  type WorkItemContributionAddedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../../work-items/work-item-access';
import { NotCoHandlerError, WorkItemStateError } from '../../work-items/work-items.errors';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import { ContributionsRepository } from '../contributions.repository';
import { ContributionView, type AddContributionDto } from '../dto/contribution.dto';
import type { WorkItemContributionEntity } from '../entities/work-item-contribution.entity';

/**
 * A co-handler (协办) records its part on its own work item; the lead unit reads it on the lead's
 * item. Open while the assignment is: not after a return or once the reply is approved.
 */
@Injectable()
export class AddContributionUseCase {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly contributions: ContributionsRepository,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, input: AddContributionDto): Promise<ContributionView> {
    const now = this.clock.now();
    return this.access.inOwnItem(user, id, 'contributions.create', async (m, item, unitId) => {
      if (item.role !== AssignmentRole.CoHandler) throw new NotCoHandlerError();
      if (item.status === WorkItemStatus.Returned || item.status === WorkItemStatus.Closed)
        throw new WorkItemStateError('提交协办意见', item.status);
      const row: WorkItemContributionEntity = {
        id: randomUUID(),
        workItemId: item.id,
        assignmentId: item.assignmentId,
        unitId,
        summary: input.summary,
        addedBy: user.sub,
        addedAt: now,
      };
      await this.contributions.insert(m, row);
      const payload: WorkItemContributionAddedPayload = {
        contributionId: row.id,
        workItemId: item.id,
        petitionId: item.petitionId,
        assignmentId: item.assignmentId,
        unitId,
        summary: row.summary,
        addedBy: null,
        addedAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: WORK_ITEM_CONTRIBUTION_ADDED, petitionId: item.petitionId, payload });
      return ContributionView.from(row);
    });
  }
}
