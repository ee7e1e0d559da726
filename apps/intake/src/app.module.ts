import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { AttachmentEntity } from './attachments/entities/attachment.entity';
import { AttachmentsModule } from './attachments/attachments.module';
import { CaseFileModule } from './case-file/case-file.module';
import { ContactModule } from './contact/contact.module';
import { IntakeSettingsModule, type IntakeSettings } from './config/intake-settings';
import { ContactAccessEntity } from './contact/entities/contact-access.entity';
import { intakeMigrations } from './database/migrations';
import { HotlineModule } from './hotline/hotline.module';
import { PetitionEntity } from './petitions/entities/petition.entity';
import { PetitionsModule } from './petitions/petitions.module';
import { PiiModule } from './pii/pii.module';
import { ProgressModule } from './progress/progress.module';
import { PublicModule } from './public/public.module';
import { TimelineEntryEntity } from './timeline/entities/timeline-entry.entity';
import { TriageModule } from './triage/triage.module';
import { PetitionerLookupEntity } from './window/entities/petitioner-lookup.entity';
import { WindowModule } from './window/window.module';
import { DecisionsModule } from './decisions/decisions.module';
import { AppealDecisionEntity } from './decisions/entities/appeal-decision.entity';
import { DecisionLetterEntity } from './decisions/entities/decision-letter.entity';
import { PetitionExtensionEntity } from './decisions/entities/petition-extension.entity';
import { LocalSmsMessageEntity } from './notices/entities/local-sms-message.entity';
import { PetitionerNoticeEntity } from './notices/entities/petitioner-notice.entity';
import { NoticesModule } from './notices/notices.module';
import { DirectoryModule } from './directory/directory.module';
import { UnitNameEntity } from './directory/unit-name.entity';
import { DocumentsModule } from './documents/documents.module';
import { DocumentDownloadEntity } from './documents/entities/document-download.entity';
import { IssuedDocumentEntity } from './documents/entities/issued-document.entity';

/** The intake service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger, settings: IntakeSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          config,
          logger,
          entities: [
            PetitionEntity,
            TimelineEntryEntity,
            ContactAccessEntity,
            AttachmentEntity,
            PetitionerLookupEntity,
            DecisionLetterEntity,
            PetitionExtensionEntity,
            AppealDecisionEntity,
            PetitionerNoticeEntity,
            LocalSmsMessageEntity,
            UnitNameEntity,
            IssuedDocumentEntity,
            DocumentDownloadEntity,
          ],
          migrations: intakeMigrations,
        }),
        IntakeSettingsModule.forRoot(settings),
        PiiModule.forRoot(settings.pii),
        // Hotline before petitions: its literal path must not be taken for a petition id.
        HotlineModule,
        // The window's literal paths (petitions/preview) before the petitions' own.
        WindowModule,
        PetitionsModule,
        TriageModule,
        PublicModule,
        ContactModule,
        AttachmentsModule,
        CaseFileModule,
        ProgressModule,
        DecisionsModule,
        NoticesModule,
        DirectoryModule,
        DocumentsModule,
        // The petitioner's timeline follows assignments, work and supervision's steps; documents name units from the directory.
        EventConsumerModule.forTopics([Topics.dispatch, Topics.handling, Topics.supervision, Topics.directory]),
      ],
    };
  }
}
