import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Topics, createEnvelope, type EventEnvelope } from '@petition/contracts';
import { OutboxWriter } from '@petition/messaging';

/** Appends supervision's matter-flow events to the outbox, in the caller's transaction. */
@Injectable()
export class MatterEvents {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async publish(manager: EntityManager, type: string, petitionId: string, payload: object, now: Date, cause?: Pick<EventEnvelope, 'eventId' | 'correlationId'>): Promise<void> {
    await this.outbox.append(manager, { topic: Topics.supervision, key: petitionId, envelope: createEnvelope('supervision', now, { type, petitionId, payload, cause }) });
  }
}
