import * as path from 'node:path';
import { readSettings, type ServiceConfig } from '@petition/service-kit';

/** Environment variables handling reads beyond the common ones (checked against deploy/ by a test). */
export const HANDLING_ENV_VARS = [
  'INTAKE_URL',
  'INTAKE_TIMEOUT_MS',
  'ATTACHMENT_DIR',
  'ATTACHMENT_MAX_BYTES',
  'PETITION_DATA_DIR',
  'DOCUMENTS_ISSUER',
];

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
  /** The petition bureau, as it signs the 交办单 it assigns with (`DOCUMENTS_ISSUER`, default 广州市信访局). */
  documentsIssuer: string;
}

/**
 * Reads handling's settings from the service configuration; fails fast naming the variable.
 * `INTAKE_URL` defaults to intake's development address, http://127.0.0.1:3001.
 */
export function loadHandlingSettings(config: ServiceConfig): HandlingSettings {
  return readSettings(config.extra, (r) => ({
    intakeUrl: r.url('INTAKE_URL', 'http://127.0.0.1:3001'),
    intakeTimeoutMs: r.int('INTAKE_TIMEOUT_MS', 5000, 100, 60_000),
    attachmentDir: r.optional('ATTACHMENT_DIR') ?? path.join(path.resolve(r.text('PETITION_DATA_DIR', '.data')), 'handling', 'attachments'),
    // The reply event refers to attachments of at most 50 MB.
    attachmentMaxBytes: r.int('ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1, 50 * 1024 * 1024),
    documentsIssuer: r.text('DOCUMENTS_ISSUER', '广州市信访局'),
  }));
}
