import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { PETITION_REGISTERED, Topics, isEvent } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { AssignmentsService } from './assignments.service';

/** Turns registered petitions into assignments (or queue entries). */
@Controller()
export class AssignmentsConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly assignments: AssignmentsService,
  ) {}

  @EventPattern(Topics.intake)
  async onIntakeEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'assignments',
      async (event, manager) => {
        if (isEvent(event, PETITION_REGISTERED)) await this.assignments.onRegistered(manager, event);
      },
      { types: [PETITION_REGISTERED] },
    );
  }
}
