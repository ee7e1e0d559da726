import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { ASSIGNMENT_RETURNED, ASSIGNMENT_RETURN_REJECTED, PETITION_ASSIGNED, Topics, isEvent } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { WorkItemsService } from './work-items.service';

/** Opens work items from dispatch's assignments and follows the bureau's decisions on returns. */
@Controller()
export class WorkItemsConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly workItems: WorkItemsService,
  ) {}

  @EventPattern(Topics.dispatch)
  async onDispatchEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'work-items',
      async (event, manager) => {
        if (isEvent(event, PETITION_ASSIGNED)) await this.workItems.onAssigned(manager, event);
        else if (isEvent(event, ASSIGNMENT_RETURNED)) await this.workItems.onReturnConfirmed(manager, event);
        else if (isEvent(event, ASSIGNMENT_RETURN_REJECTED)) await this.workItems.onReturnRejected(manager, event);
      },
      { types: [PETITION_ASSIGNED, ASSIGNMENT_RETURNED, ASSIGNMENT_RETURN_REJECTED] },
    );
  }
}
