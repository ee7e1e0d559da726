import { Injectable } from '@nestjs/common';
import { ASSIGNMENT_RETURN_REQUESTED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { ReturnsService } from './returns.service';

/** Return requests handling publishes from the unit's workbench. */
@Injectable()
@EventSubscriber()
export class ReturnsConsumer implements SubscribesToEvents {
  constructor(private readonly returns: ReturnsService) {}

  readonly subscriptions = [
    subscription('returns', Topics.handling, {
      [ASSIGNMENT_RETURN_REQUESTED]: (event, manager) => this.returns.onReturnRequested(manager, event),
    }),
  ];
}
