import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import {
  MAX_DELIVERY_ATTEMPTS,
  NOTIFICATION_PORT,
  NotificationRejectedError,
  nextAttemptDelayMs,
  type NotificationPort,
} from '@petition/notifications';
import { CLOCK } from '@petition/service-kit';
import { NoticePlanner } from './notice-planner';
import { NoticesRepository } from './notices.repository';

/** Notices tried per transaction. */
const BATCH = 20;

/**
 * Sends the pending notices through the notification port. A refusal (a number the provider will
 * never take, a text with personal data) fails the notice at once; anything else is retried on
 * the schedule of `@petition/notifications`, up to MAX_DELIVERY_ATTEMPTS, then left `failed` for
 * staff to see. Nothing here can hold a petition up: notices are sent after the step committed,
 * and a notice that cannot go out only ever changes its own row.
 */
@Injectable()
export class NoticeSender {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly planner: NoticePlanner,
    @Inject(NOTIFICATION_PORT) private readonly port: NotificationPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Tries one batch; returns how many notices it tried. */
  async sendBatch(): Promise<number> {
    return this.notices.transaction(async (manager) => {
      const due = await this.notices.due(manager, this.clock.now(), BATCH);
      for (const n of due) {
        const attempts = n.attempts + 1;
        const to = this.planner.recipientOf(n);
        if (!to) {
          await this.notices.update(manager, n.id, {
            status: 'no_recipient',
            attempts,
            nextAttemptAt: null,
            lastError: 'the mobile number was removed',
          });
          continue;
        }
        try {
          const receipt = await this.port.send({ id: n.id, to, text: n.text, reference: n.petitionId });
          await this.notices.update(manager, n.id, {
            status: 'sent',
            attempts,
            nextAttemptAt: null,
            lastError: null,
            provider: receipt.provider,
            providerMessageId: receipt.providerMessageId,
            sentAt: receipt.acceptedAt,
          });
        } catch (err) {
          const reason = err instanceof Error ? ((err as { reason?: string }).reason ?? err.message) : String(err);
          const final = err instanceof NotificationRejectedError || attempts >= MAX_DELIVERY_ATTEMPTS;
          await this.notices.update(manager, n.id, {
            status: final ? 'failed' : 'pending',
            attempts,
            nextAttemptAt: final ? null : new Date(this.clock.now().getTime() + nextAttemptDelayMs(attempts)),
            lastError: reason.slice(0, 500),
            provider: this.port.name,
          });
        }
      }
      return due.length;
    });
  }
}
