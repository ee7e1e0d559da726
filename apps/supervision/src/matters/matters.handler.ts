import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import { PETITION_ASSIGNED, Topics, type PetitionAssignedPayload } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { MattersRepository } from './matters.repository';

/** Follows dispatch's assignments: the lead unit of each matter (a re-dispatch replaces it). */
@Injectable()
@EventSubscriber()
export class MattersHandler implements SubscribesToEvents {
  constructor(
    private readonly matters: MattersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  readonly subscriptions = [
    subscription('matters', Topics.dispatch, { [PETITION_ASSIGNED]: (event, manager) => this.assigned(event.payload, manager) }),
  ];

  private async assigned(p: PetitionAssignedPayload, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const matter = await this.matters.ensureLocked(manager, p.petitionId, p.leadUnitId, now);
    // A reply already seen names the unit that answered; an assignment only fills what is unknown.
    if (matter.deliveredReplyId === null) matter.leadUnitId = p.leadUnitId;
    matter.assignmentId = p.assignmentId;
    matter.updatedAt = now;
    await this.matters.save(manager, matter);
  }
}
