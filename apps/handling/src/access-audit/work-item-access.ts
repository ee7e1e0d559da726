import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { CLOCK } from '@petition/service-kit';
import { WorkItemNotFoundError } from '../work-items/work-items.errors';
import { AccessAuditRepository } from './access-audit.repository';

/**
 * What happens when a work item is not found in the caller's unit: the caller always gets the
 * same 404 (another unit's matter is indistinguishable from none), and when the item does exist
 * elsewhere, the attempt is written to the access audit.
 */
@Injectable()
export class WorkItemAccess {
  constructor(
    private readonly audit: AccessAuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async notFound(user: StaffUser, workItemId: string, action: string): Promise<never> {
    const owner = await this.audit.ownerOf(workItemId);
    if (owner && owner !== user.unitId) {
      await this.audit.recordDenied({ at: this.clock.now(), actor: user.sub, actorUnitId: user.unitId, action, workItemId, ownerUnitId: owner });
    }
    throw new WorkItemNotFoundError(workItemId);
  }
}
