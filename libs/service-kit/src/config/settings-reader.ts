import { ConfigError } from './config-error';

/**
 * Reads one service's settings from its environment and collects every problem, so a bad
 * configuration stops the service at boot naming each offending variable at once. Every service
 * reads its own settings this way, in `src/config/<service>-settings.ts`, into a typed object.
 */
export class SettingsReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** The raw value, or undefined when unset or empty. */
  optional(name: string): string | undefined {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? undefined : raw;
  }

  /** Text as given, or `fallback`. */
  text(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  /** An integer from `min` to `max`, or `fallback` when unset. */
  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) this.problem(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return n;
  }

  /** A number greater than 0 and at most `max` (rates), or `fallback` when unset. */
  positive(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      this.problem(`${name} must be a number greater than 0${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ''} (got "${raw}")`);
    return n;
  }

  /** An http(s) URL, without a trailing slash, or `fallback` when unset. */
  url(name: string, fallback: string): string {
    const raw = this.text(name, fallback);
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString().replace(/\/+$/, '');
    } catch {
      /* reported below */
    }
    this.problem(`${name} must be an http(s) URL (got "${raw}")`);
    return raw;
  }

  /** The problems found so far. */
  get found(): readonly string[] {
    return this.problems;
  }

  /** Records a problem found by the caller's own check (name the variable in it). */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** The settings read, or a {@link ConfigError} naming every problem found. */
  done<T>(settings: T): T {
    if (this.problems.length) throw new ConfigError([...this.problems]);
    return settings;
  }
}

/** Reads settings with a {@link SettingsReader}; throws a ConfigError naming every bad variable. */
export function readSettings<T>(env: Readonly<Record<string, string | undefined>>, read: (reader: SettingsReader) => T): T {
  const reader = new SettingsReader(env);
  const settings = read(reader);
  return reader.done(settings);
}
