import { Injectable } from '@nestjs/common';
import type { PetitionerDocumentKind } from '@petition/contracts';
import type { StaffUser } from '@petition/auth';
import { IntakeClient, type IntakeFile } from '../../intake/intake-client';
import { WorkItemAccess } from '../../work-items/work-item-access';

/**
 * A petitioner document (受理告知书, 处理意见书…) of the unit's own matter, fetched from intake with
 * the caller's token: intake checks the unit again (never the unit an accusation accuses), issues
 * or hands back the kept file, and logs the download with its reason. Intake's refusals pass on
 * with their status and code (`DOCUMENT_NOT_AVAILABLE` 409 before the step the document states).
 */
@Injectable()
export class DownloadPetitionerDocumentUseCase {
  constructor(
    private readonly access: WorkItemAccess,
    private readonly intake: IntakeClient,
  ) {}

  async execute(user: StaffUser, id: string, kind: PetitionerDocumentKind, reason: string, authorization: string): Promise<IntakeFile> {
    const item = await this.access.handledItem(user, id, `documents.petitioner.${kind}`);
    const path = `/api/petitions/${item.petitionId}/documents/${encodeURIComponent(kind)}?reason=${encodeURIComponent(reason)}`;
    return this.intake.getFile(path, authorization);
  }
}
