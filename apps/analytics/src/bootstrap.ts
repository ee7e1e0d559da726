import { createLogger } from '@petition/observability';
import { createServiceApp, loadServiceConfig, type ServiceApp } from '@petition/service-kit';
import { AppModule } from './app.module';

/** Overrides for tests and the launcher: extra environment on top of process.env. */
export interface CreateAppOptions {
  env?: Record<string, string | undefined>;
}

/**
 * Builds the analytics service: consumers of every topic feeding the read models, and the
 * dashboard, hotspot and report APIs over them, on the platform's shared surface (health,
 * metrics, OpenAPI, clock).
 */
export async function createApp(options: CreateAppOptions = {}): Promise<ServiceApp> {
  const config = loadServiceConfig('analytics', 3005, { ...process.env, ...options.env });
  const logger = createLogger('analytics', config.logLevel);
  return createServiceApp({
    module: AppModule.forRoot(config, logger),
    config,
    logger,
    title: 'Analytics — 信访分析',
    description: 'Read models of every topic: volumes, hotspots, backlog, repeats and periodic reports.',
  });
}
