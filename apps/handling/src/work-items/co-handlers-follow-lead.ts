import { AssignmentRole, WorkItemStatus } from '@petition/contracts';
import type { EntityManager } from 'typeorm';
import type { WorkItemEntity } from './entities/work-item.entity';
import type { WorkItemsRepository } from './work-items.repository';

/**
 * Co-handlers (协办) do not accept on their own: the lead's acceptance starts the matter for every
 * unit of the assignment, and each co-handler's contribution is due within the deadline the lead is
 * held to. So whenever that deadline moves — the lead accepts, an extension is approved, supervision
 * returns the reply for rework — the co-handlers' open items take it over, in the lead's
 * transaction. Without this a co-handler's item kept the acceptance deadline it could never meet and
 * turned "overdue" in its inbox. Supervision's own deadlines follow the lead's events only, so
 * nothing is published here.
 */
export async function coHandlersFollowLead(manager: EntityManager, repository: WorkItemsRepository, lead: WorkItemEntity): Promise<void> {
  for (const item of await repository.lockForAssignment(manager, lead.assignmentId)) {
    if (item.role !== AssignmentRole.CoHandler) continue;
    if (item.status !== WorkItemStatus.Assigned && item.status !== WorkItemStatus.Accepted) continue;
    Object.assign(item, {
      status: WorkItemStatus.Accepted,
      acceptedAt: item.acceptedAt ?? lead.acceptedAt,
      handlingStage: lead.handlingStage,
      handlingDue: lead.handlingDue,
      handlingRuleSet: lead.handlingRuleSet,
      handlingProvisional: lead.handlingProvisional,
      currentDue: lead.currentDue,
      currentWarningAt: lead.currentWarningAt,
    });
    await repository.update(manager, item);
  }
}
