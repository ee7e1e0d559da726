import { createLogger } from '@petition/observability';
import { createServiceApp, loadServiceConfig, type ServiceApp } from '@petition/service-kit';
import { AppModule } from './app.module';

/** Overrides for tests and the launcher: extra environment on top of process.env. */
export interface CreateAppOptions {
  env?: Record<string, string | undefined>;
}

/** Builds the dispatch service; main.ts and every e2e test use this same function. */
export async function createApp(options: CreateAppOptions = {}): Promise<ServiceApp> {
  const config = loadServiceConfig('dispatch', 3002, { ...process.env, ...options.env });
  const logger = createLogger('dispatch', config.logLevel);
  return createServiceApp({
    module: AppModule.forRoot(config, logger),
    config,
    logger,
    title: 'Dispatch — 交办',
    description:
      "The city's directory of units, regions and categories; routing rules; assignments to units; the dispatcher's manual queue.",
  });
}
