import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Clock } from '@petition/clock';
import {
  ActionSource,
  DEADLINE_OVERDUE,
  DEADLINE_WARNING,
  SupervisionLevel,
  toOffsetIso,
  type DeadlineFlaggedPayload,
} from '@petition/contracts';
import type { Deadline } from '@petition/deadlines';
import { EventOutbox, type OutboxRecord } from '@petition/messaging';
import { CLOCK, LOGGER } from '@petition/service-kit';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DeadlineBook } from '../deadlines/deadline-book';
import { DeadlinesRepository, type FiredUpdate } from '../deadlines/deadlines.repository';
import type { TrackedDeadlineEntity } from '../deadlines/entities/tracked-deadline.entity';
import { planFiring, type FireAction } from '../deadlines/fire-plan';
import { IssueSupervisionOrderUseCase } from '../escalation/usecases/issue-supervision-order.usecase';
import { IssueUrgeUseCase } from '../escalation/usecases/issue-urge.usecase';
import { EndReviewWindowsUseCase } from '../matters/usecases/end-review-windows.usecase';
import { SWEEP_SETTINGS, type SweepSettings } from '../config/supervision-settings';
import { SweepMetrics } from './sweep.metrics';

/** What one sweep did. */
export interface SweepReport {
  /** Deadlines looked at. */
  deadlines: number;
  /** Warnings, overdue flags and ladder steps fired. */
  fired: number;
  /** Review windows whose end was recorded (`review_window.ended`). */
  reviewWindowsEnded: number;
}

/** Who the ladder's actions are recorded as. */
const LADDER_ACTOR = 'supervision-ladder';

/**
 * Fires warnings, overdue flags and the escalation ladder for every deadline due by now. Each
 * batch locks its rows with `FOR UPDATE SKIP LOCKED`, writes the events through the outbox and
 * moves `next_fire_at` in the same transaction: several instances share the work, nothing fires
 * twice, and a crash rolls back to the last committed batch (the next sweep catches up).
 */
@Injectable()
export class SweepService {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SWEEP_SETTINGS) private readonly config: SweepSettings,
    private readonly book: DeadlineBook,
    private readonly repository: DeadlinesRepository,
    private readonly outbox: EventOutbox,
    private readonly urges: IssueUrgeUseCase,
    private readonly orders: IssueSupervisionOrderUseCase,
    private readonly metrics: SweepMetrics,
    private readonly reviewWindows: EndReviewWindowsUseCase,
  ) {}

  /** True while a sweep of this instance runs or waits. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Sweeps until nothing is due (runs of one instance queue up, never overlap). */
  sweep(): Promise<SweepReport> {
    this.running++;
    const run = this.tail.then(() => this.run());
    this.tail = run.catch(() => undefined).finally(() => this.running--);
    return run;
  }

  private async run(): Promise<SweepReport> {
    const report: SweepReport = { deadlines: 0, fired: 0, reviewWindowsEnded: 0 };
    const stopTimer = this.metrics.duration.startTimer();
    for (;;) {
      const now = this.clock.now();
      const batch = await this.dataSource.transaction((m) => this.sweepBatch(m, now));
      report.deadlines += batch.deadlines;
      report.fired += batch.fired;
      // Fewer than a full batch: nothing else is due, or the rest is locked by another instance.
      if (batch.deadlines < this.config.batchSize) break;
    }
    report.reviewWindowsEnded = await this.reviewWindows.execute(this.clock.now(), this.config.batchSize);
    stopTimer();
    if (report.fired > 0 || report.reviewWindowsEnded > 0) this.logger.info(report, 'deadline sweep fired');
    return report;
  }

  private async sweepBatch(m: EntityManager, now: Date): Promise<Pick<SweepReport, 'deadlines' | 'fired'>> {
    const rows = await this.repository.lockDue(m, now, this.config.batchSize);
    const flags: OutboxRecord[] = [];
    const updates: FiredUpdate[] = [];
    let fired = 0;
    for (const row of rows) {
      const deadline = this.book.load(row.record);
      const plan = planFiring(
        deadline,
        {
          warningFired: row.warningFiredAt !== null,
          overdueFired: row.overdueFiredAt !== null,
          step: row.escalationStep,
          ladder: row.ladder && row.unitId !== null,
        },
        now,
      );
      for (const action of plan.fire) {
        if (action === 'warning' || action === 'overdue') {
          flags.push(this.flagEvent(row, deadline, action, now));
        } else {
          // The ladder's own events follow the overdue flag of the same petition in the outbox.
          await this.outbox.publishAll(m, flags.splice(0));
          await this.climb(m, row, action, now);
        }
      }
      fired += plan.fire.length;
      this.metrics.count(plan.fire);
      let next = plan.nextFireAt;
      if (next !== null && next <= now) {
        this.logger.error({ deadlineId: row.id, next }, 'planned a look-up in the past; retrying in a minute');
        next = new Date(now.getTime() + 60_000);
      }
      updates.push({
        id: row.id,
        warningFiredAt: row.warningFiredAt ?? (plan.after.warningFired ? now : null),
        overdueFiredAt: row.overdueFiredAt ?? (plan.after.overdueFired ? now : null),
        escalationStep: plan.after.step,
        nextFireAt: next,
      });
    }
    await this.outbox.publishAll(m, flags);
    await this.repository.saveFired(m, updates, now);
    return { deadlines: rows.length, fired };
  }

  private flagEvent(row: TrackedDeadlineEntity, deadline: Deadline, flag: 'warning' | 'overdue', now: Date): OutboxRecord {
    const payload: DeadlineFlaggedPayload = {
      deadlineId: row.id,
      petitionId: row.petitionId,
      unitId: row.unitId,
      stage: row.stage,
      due: toOffsetIso(new Date(deadline.dueMs)),
      flag,
      firedAt: toOffsetIso(now),
    };
    const type = flag === 'warning' ? DEADLINE_WARNING : DEADLINE_OVERDUE;
    return this.outbox.record(now, { type, petitionId: row.petitionId, payload });
  }

  private async climb(
    m: EntityManager,
    row: TrackedDeadlineEntity,
    step: Exclude<FireAction, 'warning' | 'overdue'>,
    now: Date,
  ): Promise<void> {
    const unitId = row.unitId as string;
    const due = toOffsetIso(row.due);
    if (step === 'urge') {
      const reason = `催办：${row.stage} 时限 ${due} 已到期未办结 (overdue since ${due})`;
      await this.urges.execute(
        m,
        {
          petitionId: row.petitionId,
          unitId,
          reason,
          source: ActionSource.Ladder,
          issuedBy: LADDER_ACTOR,
          deadlineId: row.id,
          stage: row.stage,
        },
        now,
      );
      return;
    }
    const flagged = step === 'flagged_supervision';
    const reason = flagged
      ? `挂牌督办：${row.stage} 超期 ${row.record.escalation.flaggedSupervision} 个工作日 (flagged supervision, overdue since ${due})`
      : `督办：${row.stage} 超期 ${row.record.escalation.supervisionOrder} 个工作日 (supervision order, overdue since ${due})`;
    await this.orders.execute(
      m,
      {
        petitionId: row.petitionId,
        unitId,
        reason,
        level: flagged ? SupervisionLevel.Flagged : SupervisionLevel.Order,
        source: ActionSource.Ladder,
        issuedBy: LADDER_ACTOR,
        deadlineId: row.id,
      },
      now,
    );
  }
}
