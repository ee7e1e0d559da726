import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { EventHandlerRegistry } from './event-handler-registry';

/** Supervision follows every petition topic and the directory; each message goes to each registered handler in turn. */
@Controller()
export class SupervisionConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly registry: EventHandlerRegistry,
  ) {}

  @EventPattern(Topics.intake)
  onIntake(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.fanOut(value, ctx);
  }

  @EventPattern(Topics.dispatch)
  onDispatch(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.fanOut(value, ctx);
  }

  @EventPattern(Topics.handling)
  onHandling(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.fanOut(value, ctx);
  }

  @EventPattern(Topics.supervision)
  onSupervision(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.fanOut(value, ctx);
  }

  @EventPattern(Topics.directory)
  onDirectory(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.fanOut(value, ctx);
  }

  private async fanOut(value: unknown, ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    const message = { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers };
    for (const handler of this.registry.forTopic(message.topic)) {
      await this.processor.process(message, handler.name, (event, manager) => handler.handle(event, manager), { types: handler.types });
    }
  }
}
