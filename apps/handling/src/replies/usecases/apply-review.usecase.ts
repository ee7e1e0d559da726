import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import {
  WORK_ITEM_REWORK_STARTED,
  WorkItemStatus,
  toOffsetIso,
  type EventEnvelope,
  type ReviewApprovedPayload,
  type ReviewReturnedPayload,
  type WorkItemReworkStartedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { coHandlersFollowLead } from '../../work-items/co-handlers-follow-lead';
import { HandlingDeadlines } from '../../work-items/handling-deadlines';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import { RepliesRepository } from '../replies.repository';

/** Thrown for a review of a reply not stored yet (the review overtook it): the processor retries. */
export class ReplyNotYetStoredError extends Error {
  constructor(replyId: string) {
    super(`reply ${replyId} is not stored yet; retrying`);
    this.name = 'ReplyNotYetStoredError';
  }
}

/**
 * Supervision's result review (审核) applied to the lead's work item. A return (退回重办) reopens it
 * with the reason and the rework deadline as the deadline it is held to; an approval closes the
 * assignment's work items so they leave the open inbox. Only a review of the latest reply, while
 * the item waits for it, changes anything: redeliveries and stale reviews are no-ops.
 */
@Injectable()
export class ApplyReviewUseCase {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly replies: RepliesRepository,
    private readonly deadlines: HandlingDeadlines,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async returned(m: EntityManager, event: EventEnvelope<ReviewReturnedPayload>): Promise<void> {
    const r = event.payload;
    const item = await this.reviewedItem(m, r.unitId, r.workItemId, r.replyId);
    if (!item || item.status !== WorkItemStatus.Replied || item.lastReplyId !== r.replyId) return;
    const now = this.clock.now();
    Object.assign(item, {
      status: WorkItemStatus.Accepted,
      reworkReviewId: r.reviewId,
      reworkReason: r.reason,
      reworkDeadline: r.reworkDeadline,
      currentDue: new Date(r.reworkDeadline.due),
      currentWarningAt: this.deadlines.warningAtOrDue(r.reworkDeadline),
    });
    await this.workItems.update(m, item);
    await coHandlersFollowLead(m, this.workItems, item);
    const payload: WorkItemReworkStartedPayload = {
      workItemId: item.id,
      petitionId: item.petitionId,
      unitId: item.unitId,
      reviewId: r.reviewId,
      round: item.replyCount + 1,
      reason: r.reason,
      reworkDeadline: r.reworkDeadline,
      startedAt: toOffsetIso(now),
    };
    await this.outbox.publish(m, now, { type: WORK_ITEM_REWORK_STARTED, petitionId: item.petitionId, payload, cause: event });
  }

  async approved(m: EntityManager, event: EventEnvelope<ReviewApprovedPayload>): Promise<void> {
    const r = event.payload;
    const item = await this.reviewedItem(m, r.unitId, r.workItemId, r.replyId);
    if (!item || item.status !== WorkItemStatus.Replied || item.lastReplyId !== r.replyId) return;
    const now = this.clock.now();
    // The co-handlers' parts end with the lead's approved reply.
    for (const part of await this.workItems.lockForAssignment(m, item.assignmentId)) {
      if (part.status === WorkItemStatus.Returned || part.status === WorkItemStatus.Closed) continue;
      Object.assign(part, { status: WorkItemStatus.Closed, closedAt: now });
      await this.workItems.update(m, part);
    }
  }

  /**
   * The lead's work item a review names, once the reviewed reply is stored here. A review that
   * overtook the reply (or names an unknown item) is retried, then dead-lettered, never dropped.
   */
  private async reviewedItem(m: EntityManager, unitId: string, workItemId: string, replyId: string) {
    const item = await this.workItems.lockForUnit(m, unitId, workItemId);
    if (!item || !(await this.replies.findOf(m, item.id, replyId))) throw new ReplyNotYetStoredError(replyId);
    return item;
  }
}
