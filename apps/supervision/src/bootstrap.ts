import { createLogger } from '@petition/observability';
import { createServiceApp, loadServiceConfig, type ServiceApp } from '@petition/service-kit';
import { AppModule } from './app.module';
import { SUPERVISION_ENV_VARS, loadSupervisionSettings } from './config/supervision-settings';

/** Overrides for tests and the launcher: extra environment on top of process.env. */
export interface CreateAppOptions {
  env?: Record<string, string | undefined>;
}

/**
 * Builds the supervision and assessment service: deadlines, warnings and escalation, result
 * reviews, callbacks and evaluations, appeals, and unit assessment.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<ServiceApp> {
  const config = loadServiceConfig('supervision', 3004, { ...process.env, ...options.env }, SUPERVISION_ENV_VARS);
  const settings = loadSupervisionSettings(config);
  const logger = createLogger('supervision', config.logLevel);
  return createServiceApp({
    module: AppModule.forRoot(config, logger, settings),
    config,
    logger,
    title: 'Supervision — 督查督办与考核',
    description: 'Deadlines, warnings and escalation, result reviews, callbacks and evaluations, appeals, and unit assessment.',
  });
}
