import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ATTACHMENT_STORAGE, checkUploadType, type AttachmentStorage } from '@petition/attachments';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { CLOCK } from '@petition/service-kit';
import { ContactAccessRepository } from '../contact/contact-access.repository';
import { PetitionNotFoundError } from '../petitions/petitions.errors';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { AttachmentLimits } from './attachment-limits';
import { AttachmentView } from './dto/attachment.view';
import { AttachmentEntity } from './entities/attachment.entity';
import {
  AttachmentEmptyError,
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  AttachmentTypeMismatchError,
  AttachmentTypeNotAllowedError,
  TooManyAttachmentsError,
} from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';

/** An upload as it arrives: bytes, declared type and name. */
export interface AttachmentUpload {
  data: Buffer;
  declaredContentType: string | undefined;
  fileName: string;
}

/**
 * Attaches files to petitions. The type is what the bytes are (magic numbers), and must agree
 * with the declared type; the SHA-256 is stored and checked on every download; every download is
 * written to the access audit log with its reason. A refused upload stores nothing.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly audit: ContactAccessRepository,
    private readonly limits: AttachmentLimits,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async attach(petitionId: string, upload: AttachmentUpload, uploadedBy: string): Promise<AttachmentView> {
    const data = Buffer.isBuffer(upload.data) ? upload.data : Buffer.alloc(0);
    if (data.length === 0) throw new AttachmentEmptyError();
    if (data.length > this.limits.maxBytes) throw new AttachmentTooLargeError(this.limits.maxBytes);
    const checked = checkUploadType(data, upload.declaredContentType);
    if (!checked.ok && checked.problem === 'not_allowed') throw new AttachmentTypeNotAllowedError(upload.declaredContentType);
    if (!checked.ok) throw new AttachmentTypeMismatchError(checked.declared, checked.actual);
    const actual = checked.type;
    if (!(await this.petitions.findById(petitionId))) throw new PetitionNotFoundError(petitionId);
    if ((await this.attachments.count(petitionId)) >= this.limits.maxPerPetition)
      throw new TooManyAttachmentsError(this.limits.maxPerPetition);
    const id = randomUUID();
    const storageKey = `${petitionId}/${id}`;
    const createdAt = this.clock.now();
    // Bytes first, then the row: a crash in between leaves an orphan file, never a row without bytes.
    const { sizeBytes, sha256 } = await this.storage.put(storageKey, data);
    const entity = Object.assign(new AttachmentEntity(), {
      id,
      petitionId,
      fileName: upload.fileName,
      contentType: actual,
      sizeBytes,
      sha256,
      storageKey,
      uploadedBy,
      createdAt,
    });
    try {
      await this.attachments.insert(entity);
    } catch (err) {
      await this.storage.delete(entity.storageKey).catch(() => undefined);
      throw err;
    }
    return AttachmentView.from(entity);
  }

  async list(petitionId: string): Promise<AttachmentView[]> {
    if (!(await this.petitions.findById(petitionId))) throw new PetitionNotFoundError(petitionId);
    return (await this.attachments.forPetition(petitionId)).map(AttachmentView.from);
  }

  /** The bytes, after the read is audited; refuses bytes whose checksum no longer matches. */
  async download(
    petitionId: string,
    attachmentId: string,
    reason: string,
    user: StaffUser,
  ): Promise<{ meta: AttachmentView; data: Buffer }> {
    const a = await this.attachments.findOne(petitionId, attachmentId);
    if (!a) throw new AttachmentNotFoundError();
    await this.audit.record({
      petitionId,
      actor: user.sub,
      actorRoles: user.roles,
      actorUnitId: user.unitId,
      reason,
      fields: [`attachment:${a.id}`],
      at: this.clock.now(),
    });
    // The storage refuses bytes that no longer match the checksum (AttachmentChecksumError, a 500).
    const data = await this.storage.get(a.storageKey, a.sha256);
    return { meta: AttachmentView.from(a), data };
  }
}
