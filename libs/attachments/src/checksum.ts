import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of `data`: the checksum every attachment is stored and served with. */
export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
