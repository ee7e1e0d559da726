import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '@petition/service-kit';
import { nameHash } from '../pii/identity-hashes';
import { PiiCipher } from '../pii/pii-cipher';

const BATCH = 500;

/**
 * Petitions registered before the window's lookup by name have no name hash, and the database
 * cannot compute one (the hash key is intake's). At boot, intake fills them in, a batch at a time,
 * in the background: a name it cannot decrypt (a retired key) is skipped and logged, never retried
 * in a loop. Until it finishes, a lookup by name may miss those older petitions; lookups by ID
 * number and phone are unaffected.
 */
@Injectable()
export class NameHashBackfill implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.run().catch((err: unknown) => this.logger.warn({ err }, 'name hash backfill stopped; it resumes at the next start'));
  }

  /** Fills every missing hash it can; returns how many it filled. */
  async run(): Promise<number> {
    let filled = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
        `SELECT id, petitioner_name_enc AS name FROM petitions
          WHERE petitioner_name_hash IS NULL AND NOT anonymous AND id > $1 ORDER BY id LIMIT $2`,
        [afterId, BATCH],
      );
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1].id;
      const ids: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        try {
          hashes.push(nameHash(this.pii, this.pii.decrypt(r.name)));
          ids.push(r.id);
        } catch (err) {
          this.logger.warn({ petitionId: r.id, err: (err as Error).message }, 'name hash backfill: cannot decrypt the name; skipped');
        }
      }
      if (ids.length)
        await this.dataSource.query(
          `UPDATE petitions p SET petitioner_name_hash = x.h FROM unnest($1::uuid[], $2::text[]) AS x(id, h)
            WHERE p.id = x.id AND p.petitioner_name_hash IS NULL`,
          [ids, hashes],
        );
      filled += ids.length;
    }
    if (filled) this.logger.info({ filled }, 'name hashes filled in for the window lookup');
    return filled;
  }
}
