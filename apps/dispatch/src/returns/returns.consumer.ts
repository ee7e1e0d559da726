import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { ASSIGNMENT_RETURN_REQUESTED, Topics, isEvent } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { ReturnsService } from './returns.service';

/** Return requests handling publishes from the unit's workbench. */
@Controller()
export class ReturnsConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly returns: ReturnsService,
  ) {}

  @EventPattern(Topics.handling)
  async onHandlingEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'returns',
      async (event, manager) => {
        if (isEvent(event, ASSIGNMENT_RETURN_REQUESTED)) await this.returns.onReturnRequested(manager, event);
      },
      { types: [ASSIGNMENT_RETURN_REQUESTED] },
    );
  }
}
