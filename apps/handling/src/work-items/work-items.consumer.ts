import { Injectable } from '@nestjs/common';
import { ASSIGNMENT_RETURNED, ASSIGNMENT_RETURN_REJECTED, PETITION_ASSIGNED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { WorkItemsService } from './work-items.service';

/** Opens work items from dispatch's assignments and follows the bureau's decisions on returns. */
@Injectable()
@EventSubscriber()
export class WorkItemsConsumer implements SubscribesToEvents {
  constructor(private readonly workItems: WorkItemsService) {}

  readonly subscriptions = [
    subscription('work-items', Topics.dispatch, {
      [PETITION_ASSIGNED]: (event, manager) => this.workItems.onAssigned(manager, event),
      [ASSIGNMENT_RETURNED]: (event, manager) => this.workItems.onReturnConfirmed(manager, event),
      [ASSIGNMENT_RETURN_REJECTED]: (event, manager) => this.workItems.onReturnRejected(manager, event),
    }),
  ];
}
