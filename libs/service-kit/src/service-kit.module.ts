import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { JwtAuthGuard } from '@petition/auth';
import { ControllableClock, SystemClock } from '@petition/clock';
import {
  EventOutbox,
  EventProcessor,
  EventPublisher,
  InboxEntryEntity,
  OutboxMessageEntity,
  OutboxRelay,
  OutboxWriter,
  createKafka,
} from '@petition/messaging';
import { ServiceMetrics } from '@petition/observability';
import { serviceDataSourceOptions } from '@petition/persistence';
import { ClockController } from './clock/clock.controller';
import type { ServiceConfig } from './config/service-config';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { MetricsController } from './health/metrics.controller';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { IdempotencyInterceptor, RESPONSE_SEALER, type ResponseSealer } from './http/idempotency.interceptor';
import { MetricsInterceptor } from './http/metrics.interceptor';
import { CLOCK, KAFKA, LOGGER, SERVICE_CONFIG } from './tokens';

/** What a service hands the kit. */
export interface ServiceKitOptions {
  config: ServiceConfig;
  logger: Logger;
  /** The service's own entities; the outbox and inbox entities are added here. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/** Starts the outbox relay once the application is up; publishing stops in {@link ServiceApp.shutdown}. */
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

/**
 * Everything the five services share, wired once: configuration, logger, clock, database (the
 * service's schema), Kafka producer, outbox writer and relay, the consumer error policy, health,
 * metrics, the demo clock endpoint, and the global auth guard, error filter, metrics and
 * idempotency interceptors.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { config, logger } = options;
    return {
      module: ServiceKitModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.databaseUrl,
            schema: config.service,
            entities: [...(options.entities as unknown[]), OutboxMessageEntity, InboxEntryEntity] as never,
            migrations: options.migrations,
            poolSize: config.databasePoolSize,
          }),
        ),
      ],
      controllers: [HealthController, MetricsController, ClockController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: CLOCK,
          useFactory: () => (config.clock === 'controllable' ? new ControllableClock(config.clockStart ?? undefined) : new SystemClock()),
        },
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(config.service) },
        { provide: KAFKA, useFactory: (): Kafka => createKafka({ brokers: config.kafkaBrokers, clientId: config.kafkaClientId }, logger) },
        { provide: EventPublisher, useFactory: (kafka: Kafka) => new EventPublisher(kafka), inject: [KAFKA] },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter() },
        { provide: EventOutbox, useFactory: (writer: OutboxWriter) => new EventOutbox(writer, config.service), inject: [OutboxWriter] },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, publisher: EventPublisher) =>
            new OutboxRelay({ dataSource, publisher, schema: config.service, connectionString: config.databaseUrl, logger, pollMs: 1000 }),
          inject: [DataSource, EventPublisher],
        },
        {
          provide: EventProcessor,
          useFactory: (dataSource: DataSource, publisher: EventPublisher, metrics: ServiceMetrics) =>
            new EventProcessor({
              dataSource,
              publisher,
              groupId: config.service,
              logger,
              onOutcome: (outcome, topic) => metrics.eventsConsumed.inc({ topic, outcome }),
            }),
          inject: [DataSource, EventPublisher, ServiceMetrics],
        },
        HealthService,
        RelayLifecycle,
        { provide: APP_GUARD, useFactory: (reflector: Reflector) => new JwtAuthGuard(reflector, config.jwtSecret), inject: [Reflector] },
        { provide: APP_FILTER, useFactory: () => new ApiExceptionFilter(logger) },
        { provide: APP_INTERCEPTOR, useFactory: (metrics: ServiceMetrics) => new MetricsInterceptor(metrics), inject: [ServiceMetrics] },
        {
          provide: APP_INTERCEPTOR,
          useFactory: (ds: DataSource, reflector: Reflector, sealer?: ResponseSealer) => new IdempotencyInterceptor(ds, reflector, sealer),
          inject: [DataSource, Reflector, { token: RESPONSE_SEALER, optional: true }],
        },
      ],
      exports: [
        SERVICE_CONFIG,
        LOGGER,
        CLOCK,
        KAFKA,
        ServiceMetrics,
        EventPublisher,
        OutboxWriter,
        EventOutbox,
        OutboxRelay,
        EventProcessor,
      ],
    };
  }
}
