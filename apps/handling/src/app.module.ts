import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { handlingMigrations } from './database/migrations';
import { WorkItemEntity } from './work-items/entities/work-item.entity';
import { WorkItemsModule } from './work-items/work-items.module';

/** The handling service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ config, logger, entities: [WorkItemEntity], migrations: handlingMigrations }), WorkItemsModule],
    };
  }
}
