import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { analyticsMigrations } from './database/migrations';

/** The analytics service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ config, logger, entities: [], migrations: analyticsMigrations })] };
  }
}
