import { Module } from '@nestjs/common';
import { ATTACHMENT_STORAGE, LocalDiskAttachmentStorage, RAW_UPLOAD_MAX_BYTES } from '@petition/attachments';
import { ContactModule } from '../contact/contact.module';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { PetitionsModule } from '../petitions/petitions.module';
import { AttachmentLimits } from './attachment-limits';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/**
 * Attachments of petitions, stored through {@link ATTACHMENT_STORAGE} (local disk by default).
 * The upload routes (staff, and the petitioner's in public/) read their bodies raw up to
 * `ATTACHMENT_MAX_BYTES`, after authentication (`@ReadsRawUpload()`).
 */
@Module({
  imports: [PetitionsModule, ContactModule],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: AttachmentLimits,
      useFactory: ({ attachments: a }: IntakeSettings) => new AttachmentLimits(a.dir, a.maxBytes, a.maxPerPetition),
      inject: [INTAKE_SETTINGS],
    },
    {
      provide: ATTACHMENT_STORAGE,
      useFactory: (limits: AttachmentLimits) => LocalDiskAttachmentStorage.open(limits.dir),
      inject: [AttachmentLimits],
    },
    { provide: RAW_UPLOAD_MAX_BYTES, useFactory: (limits: AttachmentLimits) => limits.maxBytes, inject: [AttachmentLimits] },
    AttachmentsRepository,
    AttachmentsService,
  ],
  exports: [AttachmentsService, AttachmentLimits, RAW_UPLOAD_MAX_BYTES],
})
export class AttachmentsModule {}
