import { Injectable } from '@nestjs/common';
import { APPEAL_REQUESTED, Topics } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { FileAppealUseCase } from './usecases/file-appeal.usecase';

/** Petitioners' online review and re-examination requests, from intake. */
@Injectable()
@EventSubscriber()
export class AppealsHandler implements SubscribesToEvents {
  constructor(private readonly fileAppeal: FileAppealUseCase) {}

  readonly subscriptions = [
    subscription('appeals', Topics.intake, {
      [APPEAL_REQUESTED]: (event, manager) => this.fileAppeal.requested(manager, event),
    }),
  ];
}
