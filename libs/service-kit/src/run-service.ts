import type { ServiceApp } from './create-service-app';
import { ConfigError } from './config/service-config';

/**
 * The body of every main.ts: build, start, and stop gracefully on SIGTERM or SIGINT (stop
 * consuming, flush the outbox, exit 0). A configuration error prints what is wrong and exits 1.
 */
export async function runService(name: string, build: () => Promise<ServiceApp>): Promise<void> {
  let service: ServiceApp;
  try {
    service = await build();
    await service.start();
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${name}: ${err.message}\n`);
    else process.stderr.write(`${name}: failed to start: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  }
  let signals = 0;
  const stop = (signal: string) => {
    if (++signals > 1) {
      process.stderr.write(`${name}: second ${signal}, exiting now\n`);
      process.exit(1);
    }
    service.shutdown().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`${name}: shutdown failed: ${(err as Error).stack ?? err}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
