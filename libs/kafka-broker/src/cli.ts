import type { BrokerLogger } from './broker-options';
import { CLI_USAGE, parseCliArguments } from './cli-arguments';
import { startBroker } from './start-broker';

/*
 * `npm run broker -- --port <p> --data <dir> [--partitions <n>] [--verbose]`
 * Prints "listening on host:port" once ready (scripts parse that line); SIGINT/SIGTERM stop
 * it cleanly, a second signal exits at once.
 */
function consoleLogger(verbose: boolean): BrokerLogger {
  const stamp = (): string => new Date().toISOString();
  return {
    info: (message) => console.log(`${stamp()} [kafka-broker] ${message}`),
    warn: (message) => console.warn(`${stamp()} [kafka-broker] WARN ${message}`),
    error: (message) => console.error(`${stamp()} [kafka-broker] ERROR ${message}`),
    debug: verbose ? (message) => console.log(`${stamp()} [kafka-broker] ${message}`) : undefined,
  };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${CLI_USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(CLI_USAGE);
    return;
  }
  const broker = await startBroker({ ...parsed.options, logger: consoleLogger(parsed.options.verbose ?? false) });
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal} received, stopping`);
    broker.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`stop failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`kafka-broker failed to start: ${error.stack ?? error.message}`);
  process.exit(1);
});
