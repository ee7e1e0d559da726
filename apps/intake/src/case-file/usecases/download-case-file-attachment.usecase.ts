import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { AttachmentsService } from '../../attachments/attachments.service';
import type { AttachmentView } from '../../attachments/dto/attachment.view';
import { ReadCaseFileUseCase } from './read-case-file.usecase';

/** One of the petitioner's attachments for those who may read the case file; the download is logged. */
@Injectable()
export class DownloadCaseFileAttachmentUseCase {
  constructor(
    private readonly caseFile: ReadCaseFileUseCase,
    private readonly attachments: AttachmentsService,
  ) {}

  async execute(id: string, attachmentId: string, reason: string, user: StaffUser): Promise<{ meta: AttachmentView; data: Buffer }> {
    // A refused caller is logged and answered 404 before the attachment is looked up; the download logs itself.
    await this.caseFile.entitled(id, reason, user, null);
    return this.attachments.download(id, attachmentId, reason, user);
  }
}
