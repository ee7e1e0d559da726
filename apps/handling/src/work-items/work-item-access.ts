import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { CLOCK } from '@petition/service-kit';
import { WorkItemStatus } from '@petition/contracts';
import type { EntityManager } from 'typeorm';
import type { WorkItemEntity } from './entities/work-item.entity';
import { NoUnitError, WorkItemNotFoundError } from './work-items.errors';
import { WorkItemsRepository } from './work-items.repository';
import { AccessAuditRepository } from '../access-audit/access-audit.repository';

/**
 * What happens when a work item is not found in the caller's unit: the caller always gets the
 * same 404 (another unit's matter is indistinguishable from none), and when the item does exist
 * elsewhere, the attempt is written to the access audit.
 */
@Injectable()
export class WorkItemAccess {
  constructor(
    private readonly audit: AccessAuditRepository,
    private readonly workItems: WorkItemsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` on the caller's unit's own work item, row-locked, in one transaction: every
   * write on a work item starts this way. A caller without a unit is refused (403); an item that
   * is not the unit's is the audited 404 of {@link notFound}, and nothing is written.
   */
  async inOwnItem<T>(
    user: StaffUser,
    workItemId: string,
    action: string,
    work: (manager: EntityManager, item: WorkItemEntity, unitId: string) => Promise<T>,
  ): Promise<T> {
    if (!user.unitId) throw new NoUnitError();
    const unitId = user.unitId;
    const done = await this.workItems.transaction(async (m) => {
      const item = await this.workItems.lockForUnit(m, unitId, workItemId);
      return item ? { result: await work(m, item, unitId) } : null;
    });
    return done ? done.result : this.notFound(user, workItemId, action);
  }

  /**
   * The caller's unit's own work item for a read about the matter it handles (the case file, its
   * documents), lead or co-handler. An item that is not the unit's, or is returned or waiting for
   * its return, is the audited 404 of {@link notFound}.
   */
  async handledItem(user: StaffUser, workItemId: string, action: string): Promise<WorkItemEntity> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, workItemId);
    if (!item || item.status === WorkItemStatus.Returned || item.returnRequestedAt) return this.notFound(user, workItemId, action);
    return item;
  }

  async notFound(user: StaffUser, workItemId: string, action: string): Promise<never> {
    const owner = await this.audit.ownerOf(workItemId);
    if (owner && owner !== user.unitId) {
      await this.audit.recordDenied({
        at: this.clock.now(),
        actor: user.sub,
        actorUnitId: user.unitId,
        action,
        workItemId,
        ownerUnitId: owner,
      });
    }
    throw new WorkItemNotFoundError(workItemId);
  }
}
