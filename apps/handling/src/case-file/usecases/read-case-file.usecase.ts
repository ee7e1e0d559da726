import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { IntakeClient, type IntakeFile } from '../../intake/intake-client';
import type { WorkItemEntity } from '../../work-items/entities/work-item.entity';
import { WorkItemAccess } from '../../work-items/work-item-access';
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
    private readonly access: WorkItemAccess,
    private readonly intake: IntakeClient,
  ) {}

  async read(user: StaffUser, id: string, reason: string, authorization: string): Promise<CaseFileView> {
    return this.ofItem(await this.access.handledItem(user, id, 'case-file.read'), reason, authorization);
  }

  /** The case file of a work item the caller was already allowed to read (e.g. to issue its 交办单). */
  ofItem(item: WorkItemEntity, reason: string, authorization: string): Promise<CaseFileView> {
    return this.intake.getJson<CaseFileView>(
      `/api/petitions/${item.petitionId}/case-file?reason=${encodeURIComponent(reason)}`,
      authorization,
    );
  }

  async attachment(user: StaffUser, id: string, attachmentId: string, reason: string, authorization: string): Promise<IntakeFile> {
    const item = await this.access.handledItem(user, id, 'case-file.attachment');
    const path = `/api/petitions/${item.petitionId}/case-file/attachments/${encodeURIComponent(attachmentId)}?reason=${encodeURIComponent(reason)}`;
    return this.intake.getFile(path, authorization);
  }
}
