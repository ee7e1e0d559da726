/*
 * Entry point of `npm run deadline -- <command>` (node -r @swc-node/register). All logic is in
 * cli/deadline-cli.ts so tests can run it in-process as well as spawned.
 */
import { runCli } from './cli/deadline-cli';

const result = runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
