import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts petitioner PII at rest with AES-256-GCM. Each value is stored as
 * `<keyId>:<base64(iv | tag | ciphertext)>`, so keys can rotate: new values use the active key,
 * old values stay readable while their key is configured. `hash` gives keyed (HMAC-SHA256)
 * digests for matching ID numbers and phones without ever storing them in plaintext.
 */
export class PiiCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
    private readonly hashKey: Buffer,
  ) {
    if (!keys.has(activeKeyId)) throw new Error(`PII key "${activeKeyId}" is not configured`);
    for (const [id, key] of keys) if (key.length !== 32) throw new Error(`PII key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    if (hashKey.length < 32) throw new Error('PII hash key must be at least 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId) as Buffer, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.activeKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const sep = stored.indexOf(':');
    const key = this.keys.get(stored.slice(0, sep));
    if (sep < 1 || !key) throw new Error(`no PII key "${stored.slice(0, sep)}" to decrypt with`);
    const raw = Buffer.from(stored.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed digest for equality matching; never reversible without the hash key. */
  hash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value.normalize('NFKC').trim().toUpperCase()).digest('hex');
  }
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep their first letter. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 440106199001011234 → 4401**********1234. */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
