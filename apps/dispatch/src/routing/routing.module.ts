import { Module } from '@nestjs/common';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingController } from './routing.controller';
import { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

/** Routing rules, their administration and the routing decision. */
@Module({
  controllers: [RoutingController],
  providers: [RoutingService, RoutingRepository, RoutingRulesService],
  exports: [RoutingService],
})
export class RoutingModule {}
