import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { intakeMigrations } from './database/migrations';
import { PetitionEntity } from './petitions/entities/petition.entity';
import { PetitionsModule } from './petitions/petitions.module';
import { PiiModule } from './pii/pii.module';

/** Intake's own environment variables (beyond the common ones). */
export const INTAKE_ENV_VARS = ['PII_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_HASH_KEY'];

/** The intake service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ config, logger, entities: [PetitionEntity], migrations: intakeMigrations }),
        PiiModule.forRoot(config),
        PetitionsModule,
      ],
    };
  }
}
