import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock } from '@petition/clock';
import { recomputeProvisional } from '@petition/deadlines';
import { CLOCK, LOGGER } from '@petition/service-kit';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DeadlineBook } from '../deadline-book';
import { DeadlinesRepository } from '../deadlines.repository';
import { nextFireAt } from '../fire-plan';

/** How many provisional deadlines one transaction recomputes. */
const BATCH = 200;

/**
 * docs/rules.md: a deadline computed on the provisional holiday calendar is recomputed once when the
 * official year is loaded, recorded as a calendar revision in its record. Run at start-up (a new
 * calendar arrives with a new release); rows another instance is recomputing are skipped.
 */
@Injectable()
export class RecomputeProvisionalDeadlinesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly book: DeadlineBook,
    private readonly repository: DeadlinesRepository,
  ) {}

  /** @returns how many deadlines were recomputed, and how many of them moved. */
  async execute(): Promise<{ recomputed: number; moved: number }> {
    const result = { recomputed: 0, moved: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.transaction(async (m) => {
        const batch = await this.repository.lockOpenProvisional(m, after, BATCH);
        for (const row of batch) {
          const outcome = recomputeProvisional(row.record, this.book.calendar, { at: this.clock.now() });
          if (outcome.outcome === 'unchanged') continue;
          const d = outcome.deadline;
          const fired = {
            warningFired: row.warningFiredAt !== null,
            overdueFired: row.overdueFiredAt !== null,
            step: row.escalationStep,
            ladder: row.ladder,
          };
          await this.repository.update(m, row.id, {
            due: new Date(d.dueMs),
            warningAt: new Date(d.warningAt),
            provisional: d.provisional,
            record: d.toJSON(),
            nextFireAt: nextFireAt(d, fired),
            updatedAt: this.clock.now(),
          });
          result.recomputed++;
          if (outcome.revision.dueChanged) result.moved++;
        }
        return batch;
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
    }
    if (result.recomputed > 0) this.logger.warn(result, 'provisional deadlines recomputed on the official holiday calendar');
    return result;
  }
}
