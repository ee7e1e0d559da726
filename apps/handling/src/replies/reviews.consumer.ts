import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { REVIEW_APPROVED, REVIEW_RETURNED, Topics, isEvent } from '@petition/contracts';
import { EventProcessor } from '@petition/messaging';
import { ApplyReview } from './usecases/apply-review.usecase';

/** Handling's one consumer of `petition.supervision.v1`: result reviews of the lead's replies. */
@Controller()
export class ReviewsConsumer {
  constructor(
    private readonly processor: EventProcessor,
    private readonly applyReview: ApplyReview,
  ) {}

  @EventPattern(Topics.supervision)
  async onSupervisionEvent(@Payload() value: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const m = ctx.getMessage();
    await this.processor.process(
      { topic: ctx.getTopic(), partition: ctx.getPartition(), offset: m.offset, key: m.key, value, headers: m.headers },
      'reviews',
      async (event, manager) => {
        if (isEvent(event, REVIEW_RETURNED)) await this.applyReview.returned(manager, event);
        else if (isEvent(event, REVIEW_APPROVED)) await this.applyReview.approved(manager, event);
      },
      { types: [REVIEW_RETURNED, REVIEW_APPROVED] },
    );
  }
}
