import { Injectable } from '@nestjs/common';
import {
  APPEAL_DECIDED,
  APPEAL_FILED,
  ASSIGNMENT_RETURNED,
  EVALUATION_RECORDED,
  EXTENSION_APPROVED,
  EXTENSION_DENIED,
  EXTENSION_REQUESTED,
  PETITION_ASSIGNED,
  PETITION_CLOSED,
  PETITION_CONCLUDED,
  PETITION_QUEUED,
  PETITION_REPLIED,
  REPLY_DELIVERED,
  REVIEW_APPROVED,
  Topics,
  WORK_ITEM_ACCEPTED,
  WORK_ITEM_OPENED,
} from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { ProgressService } from './progress.service';
import { SupervisionProgressService } from './supervision-progress.service';

/** Follows dispatch, handling and supervision so the petitioner's status and timeline stay current. */
@Injectable()
@EventSubscriber()
export class ProgressConsumer implements SubscribesToEvents {
  constructor(
    private readonly progress: ProgressService,
    private readonly supervision: SupervisionProgressService,
  ) {}

  // One inbox scope per topic, as shipped; never rename them.
  readonly subscriptions = [
    subscription('progress-dispatch', Topics.dispatch, {
      [PETITION_ASSIGNED]: (event, manager) => this.progress.onAssigned(manager, event),
      [PETITION_QUEUED]: (event, manager) => this.progress.onQueued(manager, event),
      [ASSIGNMENT_RETURNED]: (event, manager) => this.progress.onReturned(manager, event),
    }),
    subscription('progress-handling', Topics.handling, {
      [WORK_ITEM_OPENED]: (event, manager) => this.progress.onWorkItemOpened(manager, event),
      [WORK_ITEM_ACCEPTED]: (event, manager) => this.progress.onAccepted(manager, event),
      [EXTENSION_REQUESTED]: (event, manager) => this.progress.onExtensionRequested(manager, event),
      [EXTENSION_APPROVED]: (event, manager) => this.progress.onExtensionDecided(manager, event),
      [EXTENSION_DENIED]: (event, manager) => this.progress.onExtensionDecided(manager, event),
      [PETITION_REPLIED]: (event, manager) => this.supervision.onReplied(manager, event),
    }),
    // Reviews, delivery, evaluations, appeals, closing and conclusion.
    subscription('progress-supervision', Topics.supervision, {
      [REVIEW_APPROVED]: (event, manager) => this.supervision.onReviewApproved(manager, event),
      [REPLY_DELIVERED]: (event, manager) => this.supervision.onReplyDelivered(manager, event),
      [EVALUATION_RECORDED]: (event, manager) => this.supervision.onEvaluationRecorded(manager, event),
      [APPEAL_FILED]: (event, manager) => this.supervision.onAppealFiled(manager, event),
      [APPEAL_DECIDED]: (event, manager) => this.supervision.onAppealDecided(manager, event),
      [PETITION_CLOSED]: (event, manager) => this.supervision.onClosed(manager, event),
      [PETITION_CONCLUDED]: (event, manager) => this.supervision.onConcluded(manager, event),
    }),
  ];
}
