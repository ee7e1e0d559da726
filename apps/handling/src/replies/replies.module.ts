import { Module } from '@nestjs/common';
import { AttachmentRecordsModule } from '../attachments/attachment-records.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { ReviewsConsumer } from './reviews.consumer';
import { ApplyReview } from './usecases/apply-review.usecase';
import { SubmitReply } from './usecases/submit-reply.usecase';

/** Replies (decision letters) and what supervision's result review does to them. */
@Module({
  imports: [WorkItemsModule, AttachmentRecordsModule],
  controllers: [RepliesController],
  providers: [RepliesRepository, SubmitReply, ApplyReview, ReviewsConsumer],
  exports: [RepliesRepository],
})
export class RepliesModule {}
