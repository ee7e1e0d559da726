import { loadCalendar } from '../calendar/calendar.loader';
import { DeadlinesError } from '../deadlines.errors';
import { computeDue } from '../due/compute-due';
import type { RuleSet } from '../rules/rule-set.model';
import { defaultRuleSet, loadRuleSetFile } from '../rules/rule-set.loader';
import { describePeriod } from '../rules/stage-id';
import { toEpochMs } from '../time/instant.util';

/** What a CLI run produced; `cli.ts` writes it out, tests inspect it. */
export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Exit code for a usage mistake (unknown command or option, missing value). */
export const EXIT_USAGE = 2;
/** Exit code for input the library refused (bad instant, unknown stage, invalid rule file). */
export const EXIT_INVALID = 1;

const USAGE = `Usage:
  npm run deadline -- due --from <ISO instant with offset> --stage <stage id> [--urgent] [--rules <file>] [--overrides <file>]
  npm run deadline -- stages [--json] [--rules <file>]
  npm run deadline -- calendar [--date YYYY-MM-DD] [--overrides <file>]

Examples:
  npm run deadline -- due --from 2026-08-10T09:00:00+08:00 --stage handling_standard
  npm run deadline -- due --from 2026-09-30T10:00:00+08:00 --stage first_contact --urgent
`;

class UsageError extends Error {}

const COMMAND_OPTIONS: Readonly<Record<string, { values: readonly string[]; flags: readonly string[] }>> = {
  due: { values: ['from', 'stage', 'rules', 'overrides'], flags: ['urgent'] },
  stages: { values: ['rules'], flags: ['json'] },
  calendar: { values: ['date', 'overrides'], flags: [] },
};

function parseOptions(command: string, args: readonly string[]): { values: Map<string, string>; flags: Set<string> } {
  const spec = COMMAND_OPTIONS[command];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(
        `unknown option --${name} for "${command}" (allowed: ${[...spec.values, ...spec.flags].map((o) => `--${o}`).join(', ')})`,
      );
    }
  }
  return { values, flags };
}

function rulesFrom(path: string | undefined): RuleSet {
  return path === undefined ? defaultRuleSet() : loadRuleSetFile(path);
}

function due(values: Map<string, string>, flags: Set<string>): CliResult {
  const from = values.get('from');
  const stage = values.get('stage');
  if (from === undefined) throw new UsageError('due needs --from <ISO instant with offset>');
  if (stage === undefined) throw new UsageError('due needs --stage <stage id>');
  const rules = rulesFrom(values.get('rules'));
  const calendar = loadCalendar({ overrides: values.get('overrides') });
  const r = computeDue({ start: toEpochMs(from, '--from'), stage, rules, calendar, urgent: flags.has('urgent') });
  const out = {
    stage: r.stage,
    start: r.start,
    due: r.due,
    lastDay: r.lastDay,
    warningAt: r.warningAt,
    kind: r.kind,
    limit: r.limit,
    urgent: r.urgent,
    provisional: r.provisional,
    provisionalFrom: r.provisionalFrom,
    ruleSet: r.ruleSetVersion,
    calendarRevision: r.calendarRevision,
    statutoryCap: r.statutoryCap,
    cappedBy: r.cappedBy,
  };
  const note = r.provisional ? `${calendar.startupWarning(r.start) ?? `provisional from ${r.provisionalFrom}`}\n` : '';
  return { exitCode: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: note };
}

/** Terminal columns of a string: CJK characters and full-width punctuation take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

function stages(values: Map<string, string>, flags: Set<string>): CliResult {
  const rules = rulesFrom(values.get('rules'));
  if (flags.has('json'))
    return { exitCode: 0, stdout: `${JSON.stringify({ ruleSet: rules.ref, stages: rules.stages }, null, 2)}\n`, stderr: '' };
  const header = ['stage', 'limit', 'urgent', 'statutory cap', 'ext', 'pause', 'title'];
  const rows = rules.stages.map((s) => [
    s.stage,
    describePeriod(s.kind, s.limit),
    s.urgent === null ? '—' : describePeriod(s.urgent.kind, s.urgent.limit),
    s.statutoryCap === null ? '—' : `${describePeriod(s.statutoryCap.kind, s.statutoryCap.limit)} (${s.statutoryCap.source})`,
    s.extendable ? 'yes' : '',
    s.pausable ? 'yes' : '',
    `${s.titleZh} ${s.title}`,
  ]);
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell + ' '.repeat(widths[c] - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  const text = [`rule set ${rules.ref}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  return { exitCode: 0, stdout: `${text}\n`, stderr: '' };
}

function calendarInfo(values: Map<string, string>): CliResult {
  const calendar = loadCalendar({ overrides: values.get('overrides') });
  const date = values.get('date');
  const body =
    date === undefined ? { revision: calendar.revision, ...calendar.coverage(), notices: calendar.notices } : calendar.describeDay(date);
  return { exitCode: 0, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: '' };
}

/**
 * Runs the `deadline` command line with the arguments after the script name. Never throws:
 * refusals become a message on stderr and a non-zero exit code.
 */
export function runCli(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      return {
        exitCode: command === undefined ? EXIT_USAGE : 0,
        stdout: command === undefined ? '' : USAGE,
        stderr: command === undefined ? USAGE : '',
      };
    }
    if (!(command in COMMAND_OPTIONS)) throw new UsageError(`unknown command "${command}"`);
    const { values, flags } = parseOptions(command, rest);
    if (command === 'due') return due(values, flags);
    if (command === 'stages') return stages(values, flags);
    return calendarInfo(values);
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: EXIT_USAGE, stdout: '', stderr: `error: ${error.message}\n\n${USAGE}` };
    if (error instanceof DeadlinesError) return { exitCode: EXIT_INVALID, stdout: '', stderr: `error [${error.code}]: ${error.message}\n` };
    throw error;
  }
}
