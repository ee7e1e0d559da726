import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import { PETITION_ASSIGNED, Topics, isEvent, type EventEnvelope } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import type { SupervisionEventHandler } from '../events/event-handler-registry';
import { MattersRepository } from './matters.repository';

/** Follows dispatch's assignments: the lead unit of each matter (a re-dispatch replaces it). */
@Injectable()
export class MattersHandler implements SupervisionEventHandler {
  readonly name = 'matters';
  readonly topics = [Topics.dispatch] as const;
  readonly types = [PETITION_ASSIGNED];

  constructor(
    private readonly matters: MattersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (!isEvent(event, PETITION_ASSIGNED)) return;
    const now = this.clock.now();
    const matter = await this.matters.ensureLocked(manager, event.payload.petitionId, event.payload.leadUnitId, now);
    // A reply already seen names the unit that answered; an assignment only fills what is unknown.
    if (matter.deliveredReplyId === null) matter.leadUnitId = event.payload.leadUnitId;
    matter.assignmentId = event.payload.assignmentId;
    matter.updatedAt = now;
    await this.matters.save(manager, matter);
  }
}
