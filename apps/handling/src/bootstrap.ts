import { createLogger } from '@petition/observability';
import { createServiceApp, loadServiceConfig, type ServiceApp } from '@petition/service-kit';
import { AppModule } from './app.module';
import { HANDLING_ENV_VARS, loadHandlingSettings } from './config/handling-settings';

/** Overrides for tests and the launcher: extra environment on top of process.env. */
export interface CreateAppOptions {
  env?: Record<string, string | undefined>;
}

/** Builds the handling service; main.ts and every e2e test use this same function. */
export async function createApp(options: CreateAppOptions = {}): Promise<ServiceApp> {
  const config = loadServiceConfig('handling', 3003, { ...process.env, ...options.env }, HANDLING_ENV_VARS);
  const settings = loadHandlingSettings(config);
  const logger = createLogger('handling', config.logLevel);
  return createServiceApp({
    module: AppModule.forRoot(config, logger, settings),
    config,
    logger,
    title: 'Handling — 承办',
    description:
      "Each unit's workbench: work items from assignments, acceptance, contacts, co-handlers' contributions, extensions, replies and rework.",
  });
}
