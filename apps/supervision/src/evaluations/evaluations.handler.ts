import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVALUATION_SUBMITTED, Topics, isEvent, type EventEnvelope } from '@petition/contracts';
import type { SupervisionEventHandler } from '../events/event-handler-registry';
import { RecordEvaluation } from './usecases/record-evaluation.usecase';

/**
 * Petitioners' evaluations from intake. One that arrives before the delivery is known throws an
 * ordinary error, so the event processor retries it with backoff and then dead-letters it.
 */
@Injectable()
export class EvaluationsHandler implements SupervisionEventHandler {
  readonly name = 'evaluations';
  readonly topics = [Topics.intake] as const;
  readonly types = [EVALUATION_SUBMITTED];

  constructor(private readonly recordEvaluation: RecordEvaluation) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (isEvent(event, EVALUATION_SUBMITTED)) await this.recordEvaluation.submitted(manager, event);
  }
}
