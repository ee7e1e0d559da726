import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsHandler } from './reviews.handler';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { ApproveReview } from './usecases/approve-review.usecase';
import { RecordDelivery } from './usecases/record-delivery.usecase';
import { ReplyDelivery } from './usecases/reply-delivery';
import { ReturnReview } from './usecases/return-review.usecase';

/** Result reviews of replies and their delivery. */
@Module({
  imports: [MattersModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewsRepository, ReviewsHandler, ApproveReview, ReturnReview, RecordDelivery, ReplyDelivery],
})
export class ReviewsModule {}
