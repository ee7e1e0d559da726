import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@petition/contracts';
import { EventConsumerModule } from '@petition/messaging';
import { ServiceKitModule, type ServiceConfig } from '@petition/service-kit';
import { AssignmentsModule } from './assignments/assignments.module';
import { AssignmentEntity } from './assignments/entities/assignment.entity';
import { dispatchMigrations } from './database/migrations';
import { DirectoryModule } from './directory/directory.module';
import { CategoryEntity } from './directory/entities/category.entity';
import { RegionEntity } from './directory/entities/region.entity';
import { UnitEntity } from './directory/entities/unit.entity';
import { RoutingRuleEntity } from './routing/entities/routing-rule.entity';
import { RoutingModule } from './routing/routing.module';
import { LoadModule } from './load/load.module';
import { QueuedPetitionEntity } from './queue/entities/queued-petition.entity';
import { QueueModule } from './queue/queue.module';
import { AssignmentReturnEntity } from './returns/entities/assignment-return.entity';
import { ReturnsModule } from './returns/returns.module';

/** The dispatch service. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          config,
          logger,
          entities: [
            RegionEntity,
            CategoryEntity,
            UnitEntity,
            RoutingRuleEntity,
            AssignmentEntity,
            QueuedPetitionEntity,
            AssignmentReturnEntity,
          ],
          migrations: dispatchMigrations,
        }),
        DirectoryModule,
        RoutingModule,
        AssignmentsModule,
        QueueModule,
        ReturnsModule,
        LoadModule,
        // Registered petitions (intake) and return requests (handling).
        EventConsumerModule.forTopics([Topics.intake, Topics.handling]),
      ],
    };
  }
}
