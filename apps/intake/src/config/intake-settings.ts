import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { readSettings, type ServiceConfig } from '@petition/service-kit';

/** Environment variables intake reads beyond the common ones (checked against deploy/ by a test). */
export const INTAKE_ENV_VARS = [
  'PII_KEYS',
  'PII_ACTIVE_KEY_ID',
  'PII_HASH_KEY',
  'ATTACHMENT_DIR',
  'ATTACHMENT_MAX_BYTES',
  'ATTACHMENT_MAX_PER_PETITION',
  'PUBLIC_SUBMIT_BURST',
  'PUBLIC_SUBMIT_PER_HOUR',
  'PETITION_DATA_DIR',
  'NOTICES_SMS_GATEWAY',
  'NOTICES_SMS_HTTP_URL',
  'NOTICES_SMS_HTTP_TOKEN',
  'NOTICES_PORTAL',
  'NOTICES_INTERVAL_MS',
  'DOCUMENTS_ISSUER',
];

/** Keys that protect petitioners' personal data at rest. */
export interface PiiSettings {
  /** `PII_KEYS` (`id:base64,id:base64`): every key still able to decrypt. */
  keys: Map<string, Buffer>;
  /** `PII_ACTIVE_KEY_ID` (default the last of `PII_KEYS`): the key new records are written with. */
  activeKeyId: string;
  /** `PII_HASH_KEY`: keyed hashes of ID numbers and phones (base64 of ≥ 32 bytes). */
  hashKey: Buffer;
}

/** Intake's own settings, validated at boot. */
export interface IntakeSettings {
  pii: PiiSettings;
  attachments: {
    /** `ATTACHMENT_DIR`; default `<PETITION_DATA_DIR or ./.data>/intake/attachments`. */
    dir: string;
    /** `ATTACHMENT_MAX_BYTES`; default 10 MB. */
    maxBytes: number;
    /** `ATTACHMENT_MAX_PER_PETITION`; default 20. */
    maxPerPetition: number;
  };
  /** Online registrations per client address: a burst (`PUBLIC_SUBMIT_BURST`), then `PUBLIC_SUBMIT_PER_HOUR` (10 and 10). */
  publicSubmit: { burst: number; perHour: number };
  /** The petitioner's notices (docs/notices.md). */
  notices: {
    /**
     * `NOTICES_SMS_GATEWAY`: `local` (default; the embedded store, nothing leaves the machine) or
     * `http` (a provider at `NOTICES_SMS_HTTP_URL`, with `NOTICES_SMS_HTTP_TOKEN` as bearer token).
     */
    gateway: { kind: 'local' } | { kind: 'http'; url: string; token: string | undefined };
    /** `NOTICES_PORTAL`: where the petitioner follows the matter, as the notices name it. */
    portal: string;
    /** `NOTICES_INTERVAL_MS`: how often notices are planned and sent (default 1000). */
    intervalMs: number;
  };
  documents: {
    /** `DOCUMENTS_ISSUER`: the petition bureau, as it signs the notices of its triage and appeal decisions. */
    issuer: string;
  };
}

/** DI token of {@link IntakeSettings}. */
export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

/**
 * Development keys, derived from documented phrases so `npm start` works out of the box. With
 * NODE_ENV=production intake refuses to start without real keys.
 */
const devKey = (phrase: string) => createHash('sha256').update(phrase).digest().toString('base64');
const DEV_PII_KEYS = `dev1:${devKey('petition-dev-pii-key-1')}`;
const DEV_PII_HASH_KEY = devKey('petition-dev-pii-hash-key');

/** Reads intake's settings; a bad or missing value stops the service at boot, naming the variable. */
export function loadIntakeSettings(config: ServiceConfig): IntakeSettings {
  const production = config.nodeEnv === 'production';
  return readSettings(config.extra, (r) => {
    const rawKeys = r.text('PII_KEYS', production ? '' : DEV_PII_KEYS);
    const rawHash = r.text('PII_HASH_KEY', production ? '' : DEV_PII_HASH_KEY);
    const keys = new Map<string, Buffer>();
    for (const part of rawKeys.split(',').filter(Boolean)) {
      const [id, b64] = part.split(':');
      if (!id || !b64 || Buffer.from(b64, 'base64').length !== 32)
        r.problem(`PII_KEYS entry "${id ?? part}" must be <id>:<base64 of 32 bytes>`);
      else keys.set(id, Buffer.from(b64, 'base64'));
    }
    if (keys.size === 0) r.problem('PII_KEYS is required in production (id:base64key, comma-separated)');
    const activeKeyId = r.text('PII_ACTIVE_KEY_ID', [...keys.keys()].pop() ?? '');
    if (keys.size && !keys.has(activeKeyId)) r.problem(`PII_ACTIVE_KEY_ID "${activeKeyId}" is not among PII_KEYS`);
    const hashKey = Buffer.from(rawHash, 'base64');
    if (hashKey.length < 32) r.problem('PII_HASH_KEY must be base64 of at least 32 bytes');
    if (production && (rawKeys === DEV_PII_KEYS || rawHash === DEV_PII_HASH_KEY))
      r.problem('PII keys must not be the development defaults in production');
    return {
      pii: { keys, activeKeyId, hashKey },
      attachments: {
        dir: r.optional('ATTACHMENT_DIR') ?? path.join(path.resolve(r.text('PETITION_DATA_DIR', '.data')), 'intake', 'attachments'),
        maxBytes: r.int('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1, 1024 * 1024 * 1024),
        maxPerPetition: r.int('ATTACHMENT_MAX_PER_PETITION', 20, 1, 1000),
      },
      publicSubmit: { burst: r.positive('PUBLIC_SUBMIT_BURST', 10), perHour: r.positive('PUBLIC_SUBMIT_PER_HOUR', 10) },
      notices: {
        gateway: smsGateway(
          r.text('NOTICES_SMS_GATEWAY', 'local'),
          r.optional('NOTICES_SMS_HTTP_URL'),
          r.optional('NOTICES_SMS_HTTP_TOKEN'),
          r,
        ),
        portal: r.text('NOTICES_PORTAL', '网上信访平台'),
        intervalMs: r.int('NOTICES_INTERVAL_MS', 1000, 50, 3_600_000),
      },
      documents: { issuer: r.text('DOCUMENTS_ISSUER', '广州市信访局') },
    };
  });
}

function smsGateway(
  kind: string,
  url: string | undefined,
  token: string | undefined,
  r: { problem(message: string): void },
): IntakeSettings['notices']['gateway'] {
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 'http') {
    r.problem(`NOTICES_SMS_GATEWAY must be local or http, not "${kind}"`);
    return { kind: 'local' };
  }
  if (!url || !/^https?:\/\//.test(url)) r.problem('NOTICES_SMS_HTTP_URL must be an http(s) URL when NOTICES_SMS_GATEWAY=http');
  return { kind: 'http', url: url ?? '', token };
}

/** Provides {@link IntakeSettings} to every module of intake. */
@Global()
@Module({})
export class IntakeSettingsModule {
  static forRoot(settings: IntakeSettings): DynamicModule {
    return { module: IntakeSettingsModule, providers: [{ provide: INTAKE_SETTINGS, useValue: settings }], exports: [INTAKE_SETTINGS] };
  }
}
