import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import type { HandlingSettings } from './config/handling-settings';
import { AttachmentsModule } from './attachments/attachments.module';
import { WorkItemAttachmentEntity } from './attachments/entities/work-item-attachment.entity';
import { ContributionsModule } from './contributions/contributions.module';
import { WorkItemContributionEntity } from './contributions/entities/work-item-contribution.entity';
import { handlingMigrations } from './database/migrations';
import { DirectoryModule } from './directory/directory.module';
import { UnitEntity } from './directory/entities/unit.entity';
import { DocumentsModule } from './documents/documents.module';
import { DocumentDownloadEntity } from './documents/entities/document-download.entity';
import { IssuedDocumentEntity } from './documents/entities/issued-document.entity';
import { ExtensionRequestEntity } from './extensions/entities/extension-request.entity';
import { ExtensionsModule } from './extensions/extensions.module';
import { CaseFileModule } from './case-file/case-file.module';
import { IntakeModule } from './intake/intake.module';
import { PetitionerContactModule } from './petitioner-contact/petitioner-contact.module';
import { ReplyAttachmentEntity } from './replies/entities/reply-attachment.entity';
import { WorkItemReplyEntity } from './replies/entities/work-item-reply.entity';
import { RepliesModule } from './replies/replies.module';
import { WorkItemContactEntity } from './work-items/entities/work-item-contact.entity';
import { WorkItemEntity } from './work-items/entities/work-item.entity';
import { WorkItemNoteEntity } from './work-items/entities/work-item-note.entity';
import { WorkItemDetailModule } from './work-item-detail/work-item-detail.module';
import { WorkItemsModule } from './work-items/work-items.module';

const ENTITIES = [
  WorkItemEntity,
  WorkItemContactEntity,
  WorkItemNoteEntity,
  ExtensionRequestEntity,
  WorkItemReplyEntity,
  ReplyAttachmentEntity,
  WorkItemContributionEntity,
  WorkItemAttachmentEntity,
  UnitEntity,
  IssuedDocumentEntity,
  DocumentDownloadEntity,
];

/** The handling service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger, settings: HandlingSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ config, logger, entities: ENTITIES, migrations: handlingMigrations }),
        WorkItemsModule,
        ExtensionsModule,
        RepliesModule,
        ContributionsModule,
        WorkItemDetailModule,
        IntakeModule.forRoot(settings),
        PetitionerContactModule,
        CaseFileModule,
        AttachmentsModule.forRoot(settings),
        DirectoryModule,
        DocumentsModule.forRoot(settings),
        // Assignments and returns (dispatch); result reviews of replies (supervision); unit names (directory).
        EventConsumerModule.forTopics([Topics.dispatch, Topics.supervision, Topics.directory]),
      ],
    };
  }
}
