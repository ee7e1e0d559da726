import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored idempotent answers kept the query code in clear, for ever. From now on it is stored
 * sealed (QueryCodeSealer: AES-256-GCM under the PII keys) and opened only to answer a retry.
 * SQL holds no key to seal the codes already stored, so they are blanked: a retry of a request
 * answered before this release gets its tracking number and `queryCode: null` — its first answer
 * gave the code long ago.
 */
export class StoredAnswersWithoutQueryCodes1765100100000 implements MigrationInterface {
  name = 'StoredAnswersWithoutQueryCodes1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE idempotency_keys SET response = jsonb_set(response, '{queryCode}', 'null'::jsonb)
       WHERE jsonb_typeof(response) = 'object' AND jsonb_typeof(response->'queryCode') = 'string'`);
  }

  async down(): Promise<void> {
    // The codes are gone; nothing to restore.
  }
}
