import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { ReadModelsService } from './read-models.service';

/** Inbox scope of each topic's consumer; never rename once shipped (a rebuild reuses them). */
export const ANALYTICS_CONSUMERS = {
  [Topics.intake]: 'analytics-intake',
  [Topics.dispatch]: 'analytics-dispatch',
  [Topics.handling]: 'analytics-handling',
  [Topics.supervision]: 'analytics-supervision',
  [Topics.directory]: 'analytics-directory',
} as const;

/** Analytics follows every topic: one handler per topic (Nest would not await a second one). */
@Controller()
export class ReadModelsConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly readModels: ReadModelsService,
  ) {}

  @EventPattern(Topics.intake)
  onIntake(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.project(value, ctx);
  }

  @EventPattern(Topics.dispatch)
  onDispatch(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.project(value, ctx);
  }

  @EventPattern(Topics.handling)
  onHandling(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.project(value, ctx);
  }

  @EventPattern(Topics.supervision)
  onSupervision(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.project(value, ctx);
  }

  @EventPattern(Topics.directory)
  onDirectory(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    return this.project(value, ctx);
  }

  private async project(value: unknown, ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    const topic = ctx.getTopic() as keyof typeof ANALYTICS_CONSUMERS;
    await this.processor.process(
      { topic, partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      ANALYTICS_CONSUMERS[topic],
      (event, manager) => this.readModels.apply(event, manager),
    );
  }
}
