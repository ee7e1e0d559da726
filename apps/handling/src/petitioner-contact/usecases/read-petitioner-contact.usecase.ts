import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { AssignmentRole, WorkItemStatus } from '@petition/contracts';
import { WorkItemAccess } from '../../work-items/work-item-access';
import { NoUnitError, NotLeadError, WorkItemStateError } from '../../work-items/work-items.errors';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import type { PetitionerContactView } from '../dto/petitioner-contact.dto';
import { IntakeClient } from '../../intake/intake-client';

/**
 * The petitioner's contact data for the lead unit's staff. Handling checks its own side (the
 * caller's unit leads this work item; co-handlers never reach the petitioner) and intake, which
 * holds the data, checks again, refuses accusations (条例 Art. 30) and audits the read.
 */
@Injectable()
export class ReadPetitionerContactUseCase {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly access: WorkItemAccess,
    private readonly intake: IntakeClient,
  ) {}

  async execute(user: StaffUser, id: string, reason: string, authorization: string): Promise<PetitionerContactView> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, id);
    if (!item) return this.access.notFound(user, id, 'petitioner-contact.read');
    if (item.role !== AssignmentRole.Lead) throw new NotLeadError('查看信访人联系方式', 'read the petitioner’s contact data');
    if (item.status === WorkItemStatus.Returned) throw new WorkItemStateError('查看信访人联系方式', item.status);
    return this.intake.getJson<PetitionerContactView>(
      `/api/petitions/${item.petitionId}/contact?reason=${encodeURIComponent(reason)}`,
      authorization,
    );
  }
}
