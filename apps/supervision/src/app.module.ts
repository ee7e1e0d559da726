import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { supervisionMigrations } from './database/migrations';
import { EventsModule } from './events/events.module';

/** TypeORM entities of every supervision module (one line each). */
const entities: Array<Type | EntitySchema> = [
];

/** Supervision's feature modules (one line each). */
const features: Array<DynamicModule | Type> = [
];

/** The supervision and assessment service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ config, logger, entities, migrations: supervisionMigrations }), EventsModule, ...features],
    };
  }
}
