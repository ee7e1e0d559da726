import * as path from 'node:path';
import { ConfigError, type ServiceConfig } from '@petition/service-kit';

/** DI token of {@link HandlingSettings}. */
export const HANDLING_SETTINGS = Symbol('HANDLING_SETTINGS');

/** Handling's own settings, validated at boot. */
export interface HandlingSettings {
  /** Base URL of intake, for the audited petitioner-contact call (`INTAKE_URL`). */
  intakeUrl: string;
  /** How long to wait for intake before answering 502 (`INTAKE_TIMEOUT_MS`). */
  intakeTimeoutMs: number;
  /** Where uploaded reply attachments are kept (`ATTACHMENT_DIR`; default `<PETITION_DATA_DIR or ./.data>/handling/attachments`). */
  attachmentDir: string;
  /** Largest attachment accepted (`ATTACHMENT_MAX_BYTES`, default 20 MB, at most the 50 MB the reply event allows). */
  attachmentMaxBytes: number;
}

/**
 * Reads handling's settings from the service configuration; fails fast naming the variable.
 * `INTAKE_URL` defaults to intake's development address, http://127.0.0.1:3001.
 */
export function loadHandlingSettings(config: ServiceConfig): HandlingSettings {
  const problems: string[] = [];
  const raw = config.extra.INTAKE_URL ?? 'http://127.0.0.1:3001';
  let intakeUrl = '';
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`INTAKE_URL must be an http(s) URL (got "${raw}")`);
    intakeUrl = url.toString().replace(/\/+$/, '');
  } catch {
    problems.push(`INTAKE_URL must be an http(s) URL (got "${raw}")`);
  }
  const timeoutRaw = config.extra.INTAKE_TIMEOUT_MS ?? '5000';
  const intakeTimeoutMs = Number(timeoutRaw);
  if (!Number.isInteger(intakeTimeoutMs) || intakeTimeoutMs < 100 || intakeTimeoutMs > 60000) problems.push(`INTAKE_TIMEOUT_MS must be an integer from 100 to 60000 (got "${timeoutRaw}")`);
  const maxRaw = config.extra.ATTACHMENT_MAX_BYTES ?? String(20 * 1024 * 1024);
  const attachmentMaxBytes = Number(maxRaw);
  if (!Number.isInteger(attachmentMaxBytes) || attachmentMaxBytes < 1 || attachmentMaxBytes > 50 * 1024 * 1024) problems.push(`ATTACHMENT_MAX_BYTES must be an integer from 1 to 52428800 (got "${maxRaw}")`);
  const attachmentDir = config.extra.ATTACHMENT_DIR ?? path.join(path.resolve(config.extra.PETITION_DATA_DIR ?? '.data'), 'handling', 'attachments');
  if (problems.length) throw new ConfigError(problems);
  return { intakeUrl, intakeTimeoutMs, attachmentDir, attachmentMaxBytes };
}
