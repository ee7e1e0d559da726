import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ATTACHMENT_STORAGE, checkUploadType, type AttachmentStorage } from '@petition/attachments';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { AssignmentRole, WorkItemStatus } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../work-items/work-item-access';
import { NoUnitError, NotLeadError, WorkItemStateError } from '../work-items/work-items.errors';
import { WorkItemsRepository } from '../work-items/work-items.repository';
import {
  AttachmentEmptyError,
  AttachmentNotFoundError,
  AttachmentTypeMismatchError,
  AttachmentTypeNotAllowedError,
} from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';
import { UploadedAttachmentView } from './dto/attachment.dto';
import type { WorkItemAttachmentEntity } from './entities/work-item-attachment.entity';

/**
 * Files for the lead's replies: uploaded to its work item (bytes to the attachment storage,
 * checksum computed here; the type is what the bytes are, and must agree with the declared one),
 * then named in a reply by id; downloaded by the lead unit only.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly access: WorkItemAccess,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async upload(
    user: StaffUser,
    workItemId: string,
    file: { data: Buffer; fileName: string; declaredType: string | undefined },
  ): Promise<UploadedAttachmentView> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, workItemId);
    if (!item) return this.access.notFound(user, workItemId, 'attachments.create');
    if (item.role !== AssignmentRole.Lead) throw new NotLeadError('上传答复附件', 'upload reply attachments');
    if (item.status !== WorkItemStatus.Accepted) throw new WorkItemStateError('上传答复附件', item.status);
    if (file.data.length === 0) throw new AttachmentEmptyError();
    // Stored as what the bytes are, never on the declared type's word: downloads are served with it.
    const checked = checkUploadType(file.data, file.declaredType);
    if (!checked.ok && checked.problem === 'not_allowed') throw new AttachmentTypeNotAllowedError(file.declaredType);
    if (!checked.ok) throw new AttachmentTypeMismatchError(checked.declared, checked.actual);
    const id = randomUUID();
    const storageKey = `${item.id}/${id}`;
    const uploadedAt = this.clock.now();
    // Bytes first: a row never points at a file that is not there (an orphan file is harmless).
    const { sizeBytes, sha256 } = await this.storage.put(storageKey, file.data);
    const row: WorkItemAttachmentEntity = {
      id,
      workItemId: item.id,
      fileName: file.fileName,
      contentType: checked.type,
      sizeBytes,
      sha256,
      storageKey,
      uploadedBy: user.sub,
      uploadedAt,
    };
    await this.workItems.transaction((m) => this.attachments.insert(m, row));
    return UploadedAttachmentView.from(row);
  }

  async download(user: StaffUser, workItemId: string, attachmentId: string): Promise<{ meta: WorkItemAttachmentEntity; data: Buffer }> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, workItemId);
    if (!item) return this.access.notFound(user, workItemId, 'attachments.read');
    const meta = await this.attachments.findOf(item.id, attachmentId);
    if (!meta) throw new AttachmentNotFoundError(attachmentId);
    // Checked against the checksum taken on upload: altered bytes are refused (a 500), never served.
    return { meta, data: await this.storage.get(meta.storageKey, meta.sha256) };
  }
}
