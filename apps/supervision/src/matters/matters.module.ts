import { Module, type OnModuleInit } from '@nestjs/common';
import { EventHandlerRegistry } from '../events/event-handler-registry';
import { FlowDeadlines } from './flow-deadlines';
import { MatterEvents } from './matter-events';
import { MattersHandler } from './matters.handler';
import { MattersRepository } from './matters.repository';

/** The matter projection, the flow's deadlines and its event writer, shared by reviews, evaluations and appeals. */
@Module({ providers: [MattersRepository, FlowDeadlines, MatterEvents, MattersHandler], exports: [MattersRepository, FlowDeadlines, MatterEvents] })
export class MattersModule implements OnModuleInit {
  constructor(
    private readonly registry: EventHandlerRegistry,
    private readonly handler: MattersHandler,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.handler);
  }
}
