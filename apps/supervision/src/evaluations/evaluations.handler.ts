import { Injectable } from '@nestjs/common';
import { EVALUATION_SUBMITTED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { RecordEvaluationUseCase } from './usecases/record-evaluation.usecase';

/**
 * Petitioners' evaluations from intake. One that arrives before the delivery is known throws an
 * ordinary error, so the event processor retries it with backoff and then dead-letters it.
 */
@Injectable()
@EventSubscriber()
export class EvaluationsHandler implements SubscribesToEvents {
  constructor(private readonly recordEvaluation: RecordEvaluationUseCase) {}

  readonly subscriptions = [
    subscription('evaluations', Topics.intake, {
      [EVALUATION_SUBMITTED]: (event, manager) => this.recordEvaluation.submitted(manager, event),
    }),
  ];
}
