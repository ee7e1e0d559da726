import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { RepliesController } from './replies.controller';
import { ReviewsConsumer } from './reviews.consumer';
import { ApplyReview } from './usecases/apply-review.usecase';
import { SubmitReply } from './usecases/submit-reply.usecase';

/** Replies (decision letters) and what supervision's result review does to them. */
@Module({ imports: [WorkItemsModule], controllers: [RepliesController], providers: [SubmitReply, ApplyReview, ReviewsConsumer] })
export class RepliesModule {}
