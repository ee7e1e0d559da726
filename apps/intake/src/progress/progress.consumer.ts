import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { PETITION_ASSIGNED, PETITION_QUEUED, Topics, WORK_ITEM_OPENED, isEvent } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { ProgressService } from './progress.service';

/** Follows dispatch and handling so the petitioner's timeline stays current. */
@Controller()
export class ProgressConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly progress: ProgressService,
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
      },
    );
  }
}
