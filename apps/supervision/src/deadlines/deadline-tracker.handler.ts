import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import type { EventEnvelope } from '@petition/contracts';
import type { Deadline } from '@petition/deadlines';
import { EventSubscriber, handleEach, subscriptionsOn, type SubscribesToEvents } from '@petition/messaging';
import { CLOCK, LOGGER } from '@petition/service-kit';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { DeadlineBook } from './deadline-book';
import { DEADLINE_EVENT_TYPES, deadlineIntents, type CloseIntent, type ExtendIntent, type OpenIntent } from './deadline-intents';
import { DeadlinesRepository } from './deadlines.repository';
import type { TrackedDeadlineEntity } from './entities/tracked-deadline.entity';
import { nextFireAt } from './fire-plan';

/**
 * Opens, extends and closes tracked deadlines from the platform's events. Completions may arrive
 * before the opening they close (events of different topics are not ordered): they are remembered
 * and applied when the opening arrives.
 */
@Injectable()
@EventSubscriber()
export class DeadlineTrackerHandler implements SubscribesToEvents {
  constructor(
    private readonly book: DeadlineBook,
    private readonly repository: DeadlinesRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  readonly subscriptions = subscriptionsOn(
    'supervision-deadline-tracker',
    handleEach(DEADLINE_EVENT_TYPES, (event, manager) => this.handle(event, manager)),
  );

  /** Applies what the event means for the deadlines (`deadlineIntents`). */
  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const intents = deadlineIntents(event);
    if (intents.length === 0) return;
    // One petition's events arrive on several topics, processed in parallel. Without this lock a
    // completion and its opening can each miss the other's uncommitted row (the completion is
    // remembered as pending, the opening finds no pending) and the deadline stays open for ever.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`deadlines:${intents[0].petitionId}`]);
    for (const intent of intents) {
      if (intent.kind === 'open') await this.open(manager, intent, event.eventId);
      else if ('ownerKeyPrefix' in intent) await this.reschedule(manager, intent);
      else await this.close(manager, intent);
    }
  }

  private async open(m: EntityManager, intent: OpenIntent, eventId: string): Promise<void> {
    const deadline = 'ref' in intent.deadline ? this.book.fromRef(intent.deadline.ref) : this.book.triage(intent.deadline.triageFrom);
    if ('ref' in intent.deadline && Date.parse(deadline.due) !== Date.parse(intent.deadline.ref.due)) {
      this.logger.warn(
        { stage: intent.stage, petitionId: intent.petitionId },
        'deadline kept with the due date of the event, not the one recomputed here',
      );
    }
    const fired = { warningFired: false, overdueFired: false, step: 'none' as const, ladder: intent.ladder };
    const now = this.clock.now();
    const row: TrackedDeadlineEntity = {
      id: randomUUID(),
      petitionId: intent.petitionId,
      stage: intent.stage,
      ownerKey: intent.ownerKey,
      unitId: intent.unitId,
      ladder: intent.ladder,
      startedAt: new Date(deadline.start),
      due: new Date(deadline.dueMs),
      warningAt: new Date(deadline.warningAt),
      ruleSet: 'ref' in intent.deadline ? intent.deadline.ref.ruleSet : deadline.ruleSetVersion,
      provisional: 'ref' in intent.deadline ? intent.deadline.ref.provisional : deadline.provisional,
      record: deadline.toJSON(),
      state: 'open',
      completedAt: null,
      warningFiredAt: null,
      overdueFiredAt: null,
      escalationStep: 'none',
      nextFireAt: nextFireAt(deadline, fired),
      openedBy: eventId,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.repository.insertOpened(m, row))) return;
    const pending = await this.repository.takePendingClose(m, intent.petitionId, intent.ownerKey);
    if (pending !== null) await this.applyClose(m, row, deadline, pending.action, pending.at.toISOString());
  }

  private async close(m: EntityManager, intent: CloseIntent): Promise<void> {
    const row = await this.repository.findForUpdate(m, intent.petitionId, intent.ownerKey);
    if (row === null) {
      if (intent.remember)
        await this.repository.rememberClose(m, intent.petitionId, intent.ownerKey, { action: intent.kind, at: new Date(intent.at) });
      return;
    }
    if (row.state !== 'open') return; // closed already (a redelivered or repeated completion)
    await this.applyClose(m, row, this.book.load(row.record), intent.kind, intent.at);
  }

  private async applyClose(
    m: EntityManager,
    row: TrackedDeadlineEntity,
    deadline: Deadline,
    action: 'complete' | 'cancel',
    at: string,
  ): Promise<void> {
    const atMs = Math.max(Date.parse(at), Date.parse(deadline.start));
    if (action === 'cancel') {
      await this.repository.update(m, row.id, {
        state: 'cancelled',
        completedAt: new Date(atMs),
        nextFireAt: null,
        updatedAt: this.clock.now(),
      });
      return;
    }
    const done = deadline.complete(atMs);
    const state = done.statusAt(atMs).state === 'met' ? 'met' : 'overdue_met';
    await this.repository.update(m, row.id, {
      state,
      completedAt: new Date(atMs),
      record: done.toJSON(),
      nextFireAt: null,
      updatedAt: this.clock.now(),
    });
  }

  /** An extension or a hearing pause moved the due date; the scheduler looks again accordingly. */
  private async reschedule(m: EntityManager, intent: ExtendIntent): Promise<void> {
    const row = await this.repository.findOpenByPrefixForUpdate(m, intent.petitionId, intent.ownerKeyPrefix);
    if (row === null) {
      // Closed already: the extension no longer matters. Not opened yet: retry until the opening is in.
      if (await this.repository.exists(m, intent.petitionId, intent.ownerKeyPrefix)) return;
      throw new Error(`no tracked deadline ${intent.ownerKeyPrefix}* of petition ${intent.petitionId} to ${intent.kind} yet`);
    }
    const current = this.book.load(row.record);
    const extended =
      intent.kind === 'pause'
        ? this.book.pauseTo(current, intent.at, intent.until ?? intent.at, intent.ref.due, intent.reason)
        : this.book.extendTo(current, intent.ref.due, intent.at, intent.by, intent.reason);
    const fired = {
      warningFired: row.warningFiredAt !== null,
      overdueFired: row.overdueFiredAt !== null,
      step: row.escalationStep,
      ladder: row.ladder,
    };
    await this.repository.update(m, row.id, {
      due: new Date(extended.dueMs),
      warningAt: new Date(extended.warningAt),
      provisional: intent.ref.provisional,
      record: extended.toJSON(),
      nextFireAt: nextFireAt(extended, fired),
      updatedAt: this.clock.now(),
    });
  }
}
