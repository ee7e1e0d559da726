import { randomBytes } from 'node:crypto';
import { crc32c } from './crc32c';

// kafkajs's table-driven implementation, as an independent reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;

describe('crc32c', () => {
  it('matches the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
  });

  it('agrees with kafkajs on random data of every alignment', () => {
    for (let length = 0; length < 70; length++) {
      const data = randomBytes(length + 5);
      expect(crc32c(data, 3, 3 + length)).toBe(kafkajsCrc32c(data.subarray(3, 3 + length)) >>> 0);
    }
    const large = randomBytes(100_000);
    expect(crc32c(large)).toBe(kafkajsCrc32c(large) >>> 0);
  });
});
