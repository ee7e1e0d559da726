import { Module } from '@nestjs/common';
import { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

/** Routing rules and the routing decision. */
@Module({ providers: [RoutingService, RoutingRepository], exports: [RoutingService] })
export class RoutingModule {}
