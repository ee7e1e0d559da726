import { Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ATTACHMENT_STORAGE, LocalDiskAttachmentStorage, rawUploadMiddleware } from '@petition/attachments';
import { HANDLING_SETTINGS, type HandlingSettings } from '../config/handling-settings';
import { WorkItemsModule } from '../work-items/work-items.module';
import { AttachmentRecordsModule } from './attachment-records.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/**
 * Reply attachments. Uploads are the file's bytes (no multipart, no base64 JSON), read raw up to
 * the configured limit on the upload route only; every other endpoint keeps the 1 MB JSON limit.
 */
@Module({})
export class AttachmentsModule implements NestModule {
  constructor(@Inject(HANDLING_SETTINGS) private readonly settings: HandlingSettings) {}

  static forRoot(settings: HandlingSettings): DynamicModule {
    return {
      module: AttachmentsModule,
      imports: [WorkItemsModule, AttachmentRecordsModule],
      controllers: [AttachmentsController],
      providers: [
        AttachmentsService,
        { provide: HANDLING_SETTINGS, useValue: settings },
        { provide: ATTACHMENT_STORAGE, useValue: new LocalDiskAttachmentStorage(settings.attachmentDir) },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(rawUploadMiddleware(this.settings.attachmentMaxBytes))
      .forRoutes({ path: 'api/work-items/:id/attachments', method: RequestMethod.POST });
  }
}
