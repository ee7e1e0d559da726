import type { BrokerOptions } from './broker-options';

/** Command-line settings of `npm run broker`. */
export interface CliArguments {
  options: Omit<BrokerOptions, 'logger'>;
  help: boolean;
}

export const CLI_USAGE = `Usage: npm run broker -- --data <dir> [--port <p>] [--host <h>] [--partitions <n>]
       [--retention-bytes <n>] [--retention-ms <n>] [--segment-bytes <n>] [--fsync always|never|<ms>] [--verbose]

  --port            TCP port; 0 picks a free one (default 0)
  --host            interface to bind (default 127.0.0.1)
  --data            data directory (required)
  --partitions      partitions of auto-created topics (default 1)
  --retention-bytes per-partition size limit, -1 unlimited (default 1 GiB)
  --retention-ms    age limit, -1 unlimited (default 7 days)
  --segment-bytes   segment file size (default 64 MiB)
  --fsync           always | never | interval in ms (default 1000)
  --verbose         trace every request`;

/**
 * Parses `--name value` style arguments.
 * @throws Error naming the bad argument
 */
export function parseCliArguments(argv: string[]): CliArguments {
  const values = new Map<string, string>();
  let verbose = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose') verbose = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--') && i + 1 < argv.length) values.set(arg.slice(2), argv[++i]);
    else throw new Error(`unexpected argument "${arg}"`);
  }
  const known = ['port', 'host', 'data', 'partitions', 'retention-bytes', 'retention-ms', 'segment-bytes', 'fsync'];
  const unknown = [...values.keys()].find((key) => !known.includes(key));
  if (unknown !== undefined) throw new Error(`unknown option --${unknown}`);
  const dataDir = values.get('data');
  if (!help && dataDir === undefined) throw new Error('--data <dir> is required');
  const integer = (key: string): number | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new Error(`--${key} must be an integer, got "${raw}"`);
    return value;
  };
  const fsync = values.get('fsync');
  return {
    help,
    options: {
      dataDir: dataDir ?? '',
      port: integer('port') ?? 0,
      host: values.get('host'),
      partitions: integer('partitions'),
      segmentBytes: integer('segment-bytes'),
      retention: { maxBytes: integer('retention-bytes'), maxAgeMs: integer('retention-ms') },
      fsync: fsync === undefined ? undefined : fsync === 'always' || fsync === 'never' ? fsync : { intervalMs: integer('fsync') ?? 0 },
      verbose,
    },
  };
}
