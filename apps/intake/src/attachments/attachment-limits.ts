import * as path from 'node:path';
import { ConfigError, type ServiceConfig } from '@petition/service-kit';

/** Default largest attachment: 10 MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Attachment settings from the environment. */
export class AttachmentLimits {
  constructor(
    /** `ATTACHMENT_DIR`; default `<PETITION_DATA_DIR or ./.data>/intake/attachments`. */
    readonly dir: string,
    /** `ATTACHMENT_MAX_BYTES`; default 10 MB. */
    readonly maxBytes: number,
    /** `ATTACHMENT_MAX_PER_PETITION`; default 20. */
    readonly maxPerPetition: number,
  ) {}

  /** @throws ConfigError naming the variable when a limit is not a positive integer. */
  static fromConfig(config: ServiceConfig, env: NodeJS.ProcessEnv = process.env): AttachmentLimits {
    const int = (name: string, fallback: number) => {
      const raw = config.extra[name];
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n <= 0) throw new ConfigError([`${name} must be a positive integer (got "${raw}")`]);
      return n;
    };
    const dir = config.extra.ATTACHMENT_DIR ?? path.join(path.resolve(env.PETITION_DATA_DIR ?? '.data'), 'intake', 'attachments');
    return new AttachmentLimits(dir, int('ATTACHMENT_MAX_BYTES', DEFAULT_ATTACHMENT_MAX_BYTES), int('ATTACHMENT_MAX_PER_PETITION', 20));
  }
}
