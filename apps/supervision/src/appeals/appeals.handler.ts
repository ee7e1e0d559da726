import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APPEAL_REQUESTED, Topics, isEvent, type EventEnvelope } from '@petition/contracts';
import type { SupervisionEventHandler } from '../events/event-handler-registry';
import { FileAppeal } from './usecases/file-appeal.usecase';

/** Petitioners' online review and re-examination requests, from intake. */
@Injectable()
export class AppealsHandler implements SupervisionEventHandler {
  readonly name = 'appeals';
  readonly topics = [Topics.intake] as const;
  readonly types = [APPEAL_REQUESTED];

  constructor(private readonly fileAppeal: FileAppeal) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (isEvent(event, APPEAL_REQUESTED)) await this.fileAppeal.requested(manager, event);
  }
}
