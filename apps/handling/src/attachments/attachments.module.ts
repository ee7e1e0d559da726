import { Module, type DynamicModule } from '@nestjs/common';
import { ATTACHMENT_STORAGE, LocalDiskAttachmentStorage, RAW_UPLOAD_MAX_BYTES } from '@petition/attachments';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { WorkItemsModule } from '../work-items/work-items.module';
import { AttachmentRecordsModule } from './attachment-records.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/**
 * Reply attachments. Uploads are the file's bytes (no multipart, no base64 JSON), read raw up to
 * the configured limit on the upload route only, after authentication (`@ReadsRawUpload()`);
 * every other endpoint keeps the 1 MB JSON limit.
 */
@Module({})
export class AttachmentsModule {
  static forRoot(settings: HandlingSettings): DynamicModule {
    return {
      module: AttachmentsModule,
      imports: [WorkItemsModule, AttachmentRecordsModule],
      controllers: [AttachmentsController],
      providers: [
        AttachmentsService,
        { provide: HANDLING_SETTINGS, useValue: settings },
        { provide: RAW_UPLOAD_MAX_BYTES, useValue: settings.attachmentMaxBytes },
        { provide: ATTACHMENT_STORAGE, useValue: new LocalDiskAttachmentStorage(settings.attachmentDir) },
      ],
    };
  }
}
