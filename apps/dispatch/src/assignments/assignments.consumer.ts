import { Injectable } from '@nestjs/common';
import { PETITION_REGISTERED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { AssignmentsService } from './assignments.service';

/** Turns registered petitions into assignments (or queue entries). */
@Injectable()
@EventSubscriber()
export class AssignmentsConsumer implements SubscribesToEvents {
  constructor(private readonly assignments: AssignmentsService) {}

  readonly subscriptions = [
    subscription('assignments', Topics.intake, {
      [PETITION_REGISTERED]: (event, manager) => this.assignments.onRegistered(manager, event),
    }),
  ];
}
