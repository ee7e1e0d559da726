import { createHash } from 'node:crypto';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigError, type ServiceConfig } from '@petition/service-kit';
import { PiiCipher } from './pii-cipher';

/**
 * Development keys, derived from documented phrases so `npm start` works out of the box. A
 * service with NODE_ENV=production refuses to start without real keys.
 */
const devKey = (phrase: string) => createHash('sha256').update(phrase).digest().toString('base64');
const DEV_PII_KEYS = `dev1:${devKey('petition-dev-pii-key-1')}`;
const DEV_PII_HASH_KEY = devKey('petition-dev-pii-hash-key');

/** Builds the cipher from `PII_KEYS` (`id:base64,id:base64`), `PII_ACTIVE_KEY_ID` and `PII_HASH_KEY`. */
export function piiCipherFromConfig(config: ServiceConfig): PiiCipher {
  const production = config.nodeEnv === 'production';
  const rawKeys = config.extra.PII_KEYS ?? (production ? '' : DEV_PII_KEYS);
  const rawHash = config.extra.PII_HASH_KEY ?? (production ? '' : DEV_PII_HASH_KEY);
  const problems: string[] = [];
  const keys = new Map<string, Buffer>();
  for (const part of rawKeys.split(',').filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64 || Buffer.from(b64, 'base64').length !== 32) problems.push(`PII_KEYS entry "${id ?? part}" must be <id>:<base64 of 32 bytes>`);
    else keys.set(id, Buffer.from(b64, 'base64'));
  }
  if (keys.size === 0) problems.push('PII_KEYS is required in production (id:base64key, comma-separated)');
  const active = config.extra.PII_ACTIVE_KEY_ID ?? [...keys.keys()].pop() ?? '';
  if (keys.size && !keys.has(active)) problems.push(`PII_ACTIVE_KEY_ID "${active}" is not among PII_KEYS`);
  const hashKey = Buffer.from(rawHash, 'base64');
  if (hashKey.length < 32) problems.push('PII_HASH_KEY must be base64 of at least 32 bytes');
  if (production && (rawKeys === DEV_PII_KEYS || rawHash === DEV_PII_HASH_KEY)) problems.push('PII keys must not be the development defaults in production');
  if (problems.length) throw new ConfigError(problems);
  return new PiiCipher(keys, active, hashKey);
}

/** Provides the {@link PiiCipher}. */
@Global()
@Module({})
export class PiiModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return { module: PiiModule, providers: [{ provide: PiiCipher, useFactory: () => piiCipherFromConfig(config) }], exports: [PiiCipher] };
  }
}
