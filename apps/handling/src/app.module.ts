import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { handlingMigrations } from './database/migrations';
import { ExtensionRequestEntity } from './extensions/entities/extension-request.entity';
import { ExtensionsModule } from './extensions/extensions.module';
import { WorkItemContactEntity } from './work-items/entities/work-item-contact.entity';
import { WorkItemEntity } from './work-items/entities/work-item.entity';
import { WorkItemNoteEntity } from './work-items/entities/work-item-note.entity';
import { WorkItemsModule } from './work-items/work-items.module';

/** The handling service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ config, logger, entities: [WorkItemEntity, WorkItemContactEntity, WorkItemNoteEntity, ExtensionRequestEntity], migrations: handlingMigrations }), WorkItemsModule, ExtensionsModule],
    };
  }
}
