import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ATTACHMENT_STORAGE, LocalDiskAttachmentStorage, rawUploadMiddleware } from '@petition/attachments';
import { ContactModule } from '../contact/contact.module';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { PetitionsModule } from '../petitions/petitions.module';
import { AttachmentLimits } from './attachment-limits';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Attachments of petitions, stored through {@link ATTACHMENT_STORAGE} (local disk by default). */
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
    AttachmentsRepository,
    AttachmentsService,
  ],
  exports: [AttachmentsService, AttachmentLimits],
})
export class AttachmentsModule implements NestModule {
  constructor(private readonly limits: AttachmentLimits) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(rawUploadMiddleware(this.limits.maxBytes))
      .forRoutes(
        { path: 'api/petitions/:id/attachments', method: RequestMethod.POST },
        { path: 'api/public/petitions/:trackingNo/attachments', method: RequestMethod.POST },
      );
  }
}
