import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { analyticsMigrations } from './database/migrations';
import { HotspotsModule } from './hotspots/hotspots.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ReportsModule } from './reports/reports.module';
import { StatsModule } from './stats/stats.module';

/**
 * The analytics service. Read models are plain SQL tables (upserts with order-free merges, a
 * trigger-kept aggregate), so it has no TypeORM entities.
 */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ config, logger, entities: [], migrations: analyticsMigrations }),
        ReadModelsModule,
        StatsModule,
        HotspotsModule,
        ReportsModule,
        EventConsumerModule.forTopics(Object.values(Topics)),
      ],
    };
  }
}
