import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgPool } from '../database/pg-pool';

/** Sequence numbers reserved per round trip to the counter table. */
export const TRACKING_BLOCK = 50;

interface Block {
  next: number;
  last: number;
}

/**
 * Hands out tracking-number sequences (district + day + sequence). Each instance reserves a block
 * of numbers per district and day with one statement and serves the block from memory, so the
 * counter row is touched once per {@link TRACKING_BLOCK} registrations instead of once each and
 * never inside a registration's transaction. Numbers are unique across instances; a restart or a
 * failed registration leaves a gap, and two instances' numbers interleave out of time order —
 * neither matters for a tracking number.
 */
@Injectable()
export class TrackingNumbers {
  private readonly pool: Pool;
  private readonly blocks = new Map<string, Block>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = pgPool(dataSource);
  }

  /** `<district>-<yyyymmdd>-<seq, 6 digits>`; `day` is the Asia/Shanghai date `yyyy-mm-dd`. */
  async next(district: string, day: string): Promise<string> {
    const key = `${district}|${day}`;
    for (;;) {
      const b = this.blocks.get(key);
      if (b && b.next <= b.last) {
        const seq = b.next++;
        return `${district}-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
      }
      let refill = this.pending.get(key);
      if (!refill) {
        refill = this.reserve(district, day, key).finally(() => this.pending.delete(key));
        this.pending.set(key, refill);
      }
      await refill;
    }
  }

  private async reserve(district: string, day: string, key: string): Promise<void> {
    const { rows } = await this.pool.query<{ last_seq: number }>(
      `INSERT INTO tracking_counters (region_code, day, last_seq) VALUES ($1, $2, $3)
       ON CONFLICT (region_code, day) DO UPDATE SET last_seq = tracking_counters.last_seq + $3
       RETURNING last_seq`,
      [district, day, TRACKING_BLOCK],
    );
    const last = rows[0].last_seq;
    // Blocks of earlier days are finished; keep the map small.
    for (const k of this.blocks.keys()) if (k.startsWith(`${district}|`) && k !== key) this.blocks.delete(k);
    this.blocks.set(key, { next: last - TRACKING_BLOCK + 1, last });
  }
}
