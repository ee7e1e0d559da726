import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { json, urlencoded } from 'express';
import { assertOneConsumerPerTopic, kafkaClientConfig, OutboxRelay } from '@petition/messaging';
import { PinoNestLogger } from '@petition/observability';
import type { ServiceConfig } from './config/service-config';
import { securityHeadersMiddleware } from './http/security-headers.middleware';
import { traceContextMiddleware } from './http/trace-context.middleware';
import { createValidationPipe } from './http/validation';

/** How to build one service's application. */
export interface ServiceAppOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  module: any;
  config: ServiceConfig;
  logger: Logger;
  title: string;
  description: string;
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
  /** False for a service with no Kafka consumers yet (kafkajs refuses to run a consumer without subscriptions). */
  kafkaConsumers?: boolean;
}

/** A built service: start it, read its URL, shut it down gracefully. */
export interface ServiceApp {
  app: INestApplication;
  /** Starts consuming and listening; resolves once both are up. */
  start(): Promise<void>;
  /** The base URL once started (with the real port when PORT=0). */
  url(): string;
  /**
   * Graceful stop: stop consuming (in-flight messages finish and commit), publish what is left
   * in the outbox, close HTTP and the database, in that order.
   */
  shutdown(): Promise<void>;
}

/**
 * Builds a hybrid service (HTTP + Kafka consumers) with the conventions every service shares:
 * validation, OpenAPI at /docs, body limits, security headers, the trusted proxies, and a
 * consumer group named after the service with a dead-letter topic `<service>.dlq`. Used by
 * main.ts and by every e2e test.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { config, logger } = options;
  const app = await NestFactory.create(options.module, { logger: new PinoNestLogger(logger), bodyParser: false, abortOnError: false });
  app.use(securityHeadersMiddleware);
  app.use(traceContextMiddleware);
  app.use(json({ limit: options.bodyLimit ?? '1mb' }));
  app.use(urlencoded({ extended: false, limit: '100kb' }));
  app.useGlobalPipes(createValidationPipe());
  const http = app.getHttpAdapter().getInstance() as { disable(setting: string): void; set(setting: string, value: unknown): void };
  http.disable('x-powered-by');
  // The client address (`req.ip`, the public per-address limits) comes from X-Forwarded-For only
  // when the peer is one of the configured proxies; with none configured, it is the peer itself.
  http.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  const microservice: INestMicroservice | null =
    options.kafkaConsumers === false
      ? null
      : app.connectMicroservice<MicroserviceOptions>(
          {
            transport: Transport.KAFKA,
            options: {
              client: kafkaClientConfig({ brokers: config.kafkaBrokers, clientId: config.kafkaClientId }, logger),
              consumer: {
                groupId: config.service,
                sessionTimeout: config.kafkaSessionTimeoutMs,
                heartbeatInterval: config.kafkaHeartbeatIntervalMs,
                allowAutoTopicCreation: true,
              },
              subscribe: { fromBeginning: true },
              run: { autoCommit: true, partitionsConsumedConcurrently: config.kafkaPartitionsConcurrency },
              postfixId: '',
            },
          },
          { inheritAppConfig: false },
        );

  let started = false;
  let stopping: Promise<void> | null = null;
  return {
    app,
    async start() {
      assertOneConsumerPerTopic(app.get(ModulesContainer));
      await app.startAllMicroservices();
      await app.listen(config.port, config.host);
      started = true;
      logger.info({ url: await app.getUrl() }, `${config.service} is listening`);
    },
    url() {
      const address = app.getHttpServer().address() as { port: number } | null;
      if (!address) throw new Error('service not started');
      return `http://127.0.0.1:${address.port}`;
    },
    shutdown() {
      stopping ??= (async () => {
        logger.info('shutting down: stop consuming, flush the outbox, close');
        if (started && microservice) await microservice.close().catch((err) => logger.warn({ err }, 'closing the consumer failed'));
        await app.get(OutboxRelay).stop(config.shutdownTimeoutMs);
        await app.close();
      })();
      return stopping;
    },
  };
}
