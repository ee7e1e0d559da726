import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { AssignmentRole, WorkItemStatus } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../access-audit/work-item-access';
import { NoUnitError, NotLeadError, WorkItemStateError } from '../work-items/work-items.errors';
import { WorkItemsRepository } from '../work-items/work-items.repository';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import { AttachmentEmptyError, AttachmentNotFoundError } from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';
import { UploadedAttachmentView } from './dto/attachment.dto';
import type { WorkItemAttachmentEntity } from './entities/work-item-attachment.entity';

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/**
 * Files for the lead's replies: uploaded to its work item (bytes to the attachment storage,
 * checksum computed here), then named in a reply by id; downloaded by the lead unit only.
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

  async upload(user: StaffUser, workItemId: string, file: { data: unknown; fileName: string; declaredType: string | undefined }): Promise<UploadedAttachmentView> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, workItemId);
    if (!item) return this.access.notFound(user, workItemId, 'attachments.create');
    if (item.role !== AssignmentRole.Lead) throw new NotLeadError('上传答复附件', 'upload reply attachments');
    if (item.status !== WorkItemStatus.Accepted) throw new WorkItemStateError('上传答复附件', item.status);
    const data = Buffer.isBuffer(file.data) ? file.data : Buffer.alloc(0);
    if (data.length === 0) throw new AttachmentEmptyError();
    const declared = (file.declaredType ?? '').split(';')[0].trim().toLowerCase();
    const row: WorkItemAttachmentEntity = {
      id: randomUUID(), workItemId: item.id, fileName: file.fileName, contentType: MIME.test(declared) ? declared : 'application/octet-stream',
      sizeBytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), storageKey: '', uploadedBy: user.sub, uploadedAt: this.clock.now(),
    };
    row.storageKey = `${item.id}/${row.id}`;
    // Bytes first: a row never points at a file that is not there (an orphan file is harmless).
    await this.storage.put(row.storageKey, data);
    await this.workItems.transaction((m) => this.attachments.insert(m, row));
    return UploadedAttachmentView.from(row);
  }

  async download(user: StaffUser, workItemId: string, attachmentId: string): Promise<{ meta: WorkItemAttachmentEntity; data: Buffer }> {
    if (!user.unitId) throw new NoUnitError();
    const item = await this.workItems.findForUnit(user.unitId, workItemId);
    if (!item) return this.access.notFound(user, workItemId, 'attachments.read');
    const meta = await this.attachments.findOf(item.id, attachmentId);
    if (!meta) throw new AttachmentNotFoundError(attachmentId);
    return { meta, data: await this.storage.get(meta.storageKey) };
  }
}
