import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import type { SupervisionSettings } from './config/supervision-settings';
import { supervisionMigrations } from './database/migrations';
import { TrackedDeadlineEntity } from './deadlines/entities/tracked-deadline.entity';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { UrgeEntity } from './escalation/entities/urge.entity';
import { SupervisionOrderEntity } from './escalation/entities/supervision-order.entity';
import { EscalationModule } from './escalation/escalation.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { MatterEntity } from './matters/entities/matter.entity';
import { MattersModule } from './matters/matters.module';
import { ReviewEntity } from './reviews/entities/review.entity';
import { ReviewsModule } from './reviews/reviews.module';
import { EvaluationEntity } from './evaluations/entities/evaluation.entity';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { AppealEntity } from './appeals/entities/appeal.entity';
import { AppealsModule } from './appeals/appeals.module';
import { AssessmentModule } from './assessment/assessment.module';

/** TypeORM entities of every supervision module (one line each). */
const entities: Array<Type | EntitySchema> = [
  TrackedDeadlineEntity,
  UrgeEntity,
  SupervisionOrderEntity,
  MatterEntity,
  ReviewEntity,
  EvaluationEntity,
  AppealEntity,
];

/** Supervision's feature modules (one line each). */
const features: Array<DynamicModule | Type> = [
  DeadlinesModule,
  EscalationModule,
  MattersModule,
  ReviewsModule,
  EvaluationsModule,
  AppealsModule,
  AssessmentModule,
];

/** The supervision and assessment service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger, settings: SupervisionSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ config, logger, entities, migrations: supervisionMigrations }),
        ...features,
        SchedulerModule.forRoot(settings.sweep),
        EventConsumerModule.forTopics(Object.values(Topics)),
      ],
    };
  }
}
