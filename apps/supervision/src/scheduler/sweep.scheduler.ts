import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ControllableClock, type Clock } from '@petition/clock';
import { CLOCK, LOGGER } from '@petition/service-kit';
import type { Logger } from 'pino';
import { RecomputeProvisionalDeadlinesUseCase } from '../deadlines/usecases/recompute-provisional-deadlines.usecase';
import { SWEEP_SETTINGS, type SweepSettings } from '../config/supervision-settings';
import { SweepService } from './sweep.service';

/** How often a controllable clock is checked for a jump. */
const CLOCK_WATCH_MS = 200;

/**
 * Runs the sweep every `intervalMs` on every instance (they share the work through row locks),
 * once at start-up (catching up whatever fell due while the service was down), and at once when a
 * controllable clock is moved — the clock offers no hook, so its offset is watched. At start-up it
 * first recomputes provisional deadlines if the official holiday calendar arrived.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];
  private clockOffset = 0;
  private stopped = false;
  private startup: Promise<void> = Promise.resolve();

  constructor(
    private readonly sweeps: SweepService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SWEEP_SETTINGS) private readonly config: SweepSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly recompute: RecomputeProvisionalDeadlinesUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.timers.push(setInterval(() => this.tick(), this.config.intervalMs));
    if (this.clock instanceof ControllableClock) {
      this.clockOffset = this.offset();
      this.timers.push(setInterval(() => this.watchClock(), CLOCK_WATCH_MS));
    }
    // Provisional deadlines first (a release may bring the official holiday year), then the first sweep.
    this.startup = this.recompute
      .execute()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, 'recomputing provisional deadlines failed; the next start retries'))
      .finally(() => this.tick());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    // Let the start-up recomputation and a running sweep commit before the database closes.
    await this.startup;
    while (this.sweeps.busy) await new Promise((r) => setTimeout(r, 50));
  }

  private tick(): void {
    if (this.stopped || this.sweeps.busy) return;
    this.sweeps.sweep().catch((err: unknown) => this.logger.error({ err }, 'deadline sweep failed; the next one retries'));
  }

  private watchClock(): void {
    const offset = this.offset();
    if (Math.abs(offset - this.clockOffset) < 1000) return;
    this.clockOffset = offset;
    // A sweep may be running on the old time: queue one more rather than skipping.
    if (!this.stopped)
      this.sweeps.sweep().catch((err: unknown) => this.logger.error({ err }, 'deadline sweep failed; the next one retries'));
  }

  private offset(): number {
    return this.clock.now().getTime() - Date.now();
  }
}
