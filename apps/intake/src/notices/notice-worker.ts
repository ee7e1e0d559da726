import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@petition/service-kit';
import { INTAKE_SETTINGS, type IntakeSettings } from '../config/intake-settings';
import { NoticePlanner } from './notice-planner';
import { NoticeSender } from './notice-sender';

/**
 * Plans and sends notices every `NOTICES_INTERVAL_MS` on every instance (row locks share the
 * work). A pass drains what is waiting, so a burst is not spread over many intervals; a failing
 * pass is logged and the next one retries.
 */
@Injectable()
export class NoticeWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly planner: NoticePlanner,
    private readonly sender: NoticeSender,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.settings.notices.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: plan everything waiting, then send everything due. */
  async pass(): Promise<void> {
    while (!this.stopped && (await this.planner.planBatch()) > 0);
    while (!this.stopped && (await this.sender.sendBatch()) > 0);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = this.pass()
      .catch((err: unknown) => this.logger.error({ err }, 'petitioner notices: pass failed; the next one retries'))
      .finally(() => (this.running = null));
  }
}
