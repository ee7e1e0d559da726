import { Global, Module } from '@nestjs/common';
import { EventHandlerRegistry } from './event-handler-registry';
import { SupervisionConsumer } from './supervision.consumer';

/** The registry feature modules add their handlers to (in `onModuleInit`), and the one consumer. */
@Global()
@Module({ controllers: [SupervisionConsumer], providers: [EventHandlerRegistry], exports: [EventHandlerRegistry] })
export class EventsModule {}
