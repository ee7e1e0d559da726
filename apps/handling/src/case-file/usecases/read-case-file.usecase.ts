import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { WorkItemStatus } from '@petition/contracts';
import { IntakeClient, type IntakeFile } from '../../intake/intake-client';
import type { WorkItemEntity } from '../../work-items/entities/work-item.entity';
import { WorkItemAccess } from '../../work-items/work-item-access';
import { NoUnitError } from '../../work-items/work-items.errors';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import type { CaseFileView } from '../dto/case-file.dto';

/**
 * The whole petition for the unit that handles it — lead or co-handler — read from intake on the
 * caller's behalf (intake checks the unit again, refuses the accused unit of an accusation, and logs
 * every read). A unit without the item, or whose item is returned or waiting for its return, gets
 * the same audited 404 as for an item that does not exist.
 */
@Injectable()
export class ReadCaseFileUseCase {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly access: WorkItemAccess,
    private readonly intake: IntakeClient,
  ) {}

  async read(user: StaffUser, id: string, reason: string, authorization: string): Promise<CaseFileView> {
    const item = await this.handledItem(user, id, 'case-file.read');
    return this.intake.getJson<CaseFileView>(
      `/api/petitions/${item.petitionId}/case-file?reason=${encodeURIComponent(reason)}`,
      authorization,
    );
  }

  async attachment(user: StaffUser, id: string, attachmentId: string, reason: string, authorization: string): Promise<IntakeFile> {
    const item = await this.handledItem(user, id, 'case-file.attachment');
    const path = `/api/petitions/${item.petitionId}/case-file/attachments/${encodeURIComponent(attachmentId)}?reason=${encodeURIComponent(reason)}`;
    return this.intake.getFile(path, authorization);
  }

  private async handledItem(user: StaffUser, id: string, action: string): Promise<WorkItemEntity> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, id);
    if (!item || item.status === WorkItemStatus.Returned || item.returnRequestedAt) return this.access.notFound(user, id, action);
    return item;
  }
}
