import { Module } from '@nestjs/common';
import { AttachmentRecordsModule } from '../attachments/attachment-records.module';
import { WorkItemsModule } from '../work-items/work-items.module';
import { RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { ReviewsConsumer } from './reviews.consumer';
import { ApplyReviewUseCase } from './usecases/apply-review.usecase';
import { SubmitReplyUseCase } from './usecases/submit-reply.usecase';

/** Replies (decision letters) and what supervision's result review does to them. */
@Module({
  imports: [WorkItemsModule, AttachmentRecordsModule],
  controllers: [RepliesController],
  providers: [RepliesRepository, SubmitReplyUseCase, ApplyReviewUseCase, ReviewsConsumer],
  exports: [RepliesRepository],
})
export class RepliesModule {}
