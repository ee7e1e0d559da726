import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  APPEAL_DECIDED, APPEAL_FILED, EVALUATION_RECORDED, PETITION_ASSIGNED, PETITION_CLOSED, PETITION_CONCLUDED, PETITION_QUEUED, PETITION_REPLIED, REPLY_DELIVERED, REVIEW_APPROVED,
  Topics, WORK_ITEM_OPENED, isEvent,
} from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { ProgressService } from './progress.service';
import { SupervisionProgressService } from './supervision-progress.service';

/** Follows dispatch and handling so the petitioner's timeline stays current. */
@Controller()
export class ProgressConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly progress: ProgressService,
    private readonly supervision: SupervisionProgressService,
  ) {}

  @EventPattern(Topics.dispatch)
  async onDispatchEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'progress-dispatch',
      async (event, manager) => {
        if (isEvent(event, PETITION_ASSIGNED)) await this.progress.onAssigned(manager, event);
        else if (isEvent(event, PETITION_QUEUED)) await this.progress.onQueued(manager, event);
      },
      { types: [PETITION_ASSIGNED, PETITION_QUEUED] },
    );
  }

  @EventPattern(Topics.handling)
  async onHandlingEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'progress-handling',
      async (event, manager) => {
        if (isEvent(event, WORK_ITEM_OPENED)) await this.progress.onWorkItemOpened(manager, event);
        else if (isEvent(event, PETITION_REPLIED)) await this.supervision.onReplied(manager, event);
      },
      { types: [WORK_ITEM_OPENED, PETITION_REPLIED] },
    );
  }

  /** Reviews, delivery, evaluations, appeals, closing and conclusion: the petitioner's status and timeline. */
  @EventPattern(Topics.supervision)
  async onSupervisionEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'progress-supervision',
      async (event, manager) => {
        if (isEvent(event, REVIEW_APPROVED)) await this.supervision.onReviewApproved(manager, event);
        else if (isEvent(event, REPLY_DELIVERED)) await this.supervision.onReplyDelivered(manager, event);
        else if (isEvent(event, EVALUATION_RECORDED)) await this.supervision.onEvaluationRecorded(manager, event);
        else if (isEvent(event, APPEAL_FILED)) await this.supervision.onAppealFiled(manager, event);
        else if (isEvent(event, APPEAL_DECIDED)) await this.supervision.onAppealDecided(manager, event);
        else if (isEvent(event, PETITION_CLOSED)) await this.supervision.onClosed(manager, event);
        else if (isEvent(event, PETITION_CONCLUDED)) await this.supervision.onConcluded(manager, event);
      },
      { types: [REVIEW_APPROVED, REPLY_DELIVERED, EVALUATION_RECORDED, APPEAL_FILED, APPEAL_DECIDED, PETITION_CLOSED, PETITION_CONCLUDED] },
    );
  }
}
