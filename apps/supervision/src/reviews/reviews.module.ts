import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsHandler } from './reviews.handler';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { ApproveReviewUseCase } from './usecases/approve-review.usecase';
import { RecordDeliveryUseCase } from './usecases/record-delivery.usecase';
import { ReplyDelivery } from './usecases/reply-delivery';
import { ReturnReviewUseCase } from './usecases/return-review.usecase';

/** Result reviews of replies and their delivery. */
@Module({
  imports: [MattersModule],
  controllers: [ReviewsController],
  providers: [
    ReviewsService,
    ReviewsRepository,
    ReviewsHandler,
    ApproveReviewUseCase,
    ReturnReviewUseCase,
    RecordDeliveryUseCase,
    ReplyDelivery,
  ],
})
export class ReviewsModule {}
