import { createLogger } from '@petition/observability';
import { createServiceApp, loadServiceConfig, type ServiceApp } from '@petition/service-kit';
import { AppModule } from './app.module';
import { INTAKE_ENV_VARS, loadIntakeSettings } from './config/intake-settings';

/** Overrides for tests and the launcher: extra environment on top of process.env. */
export interface CreateAppOptions {
  env?: Record<string, string | undefined>;
}

/** Builds the intake service; main.ts and every e2e test use this same function. */
export async function createApp(options: CreateAppOptions = {}): Promise<ServiceApp> {
  const env = { ...process.env, ...options.env };
  const config = loadServiceConfig('intake', 3001, env, INTAKE_ENV_VARS);
  const settings = loadIntakeSettings(config);
  const logger = createLogger('intake', config.logLevel);
  return createServiceApp({
    module: AppModule.forRoot(config, logger, settings),
    config,
    logger,
    title: 'Intake — 信访登记',
    description: 'Registers petitions from every channel, triages them, and serves the petitioner-facing view.',
  });
}
