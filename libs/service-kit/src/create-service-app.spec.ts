import { Controller, Module } from '@nestjs/common';
// eslint-disable-next-line no-restricted-imports -- this test builds the very wiring the rule forbids
import { EventPattern } from '@nestjs/microservices';
import { ModulesContainer } from '@nestjs/core';
import pino from 'pino';
import { assertOneConsumerPerTopic } from '@petition/messaging';
import { Topics } from '@petition/contracts';
import { loadServiceConfig } from './config/service-config';
import { createServiceApp } from './create-service-app';

@Controller()
class FirstConsumer {
  @EventPattern(Topics.intake)
  async onIntake(): Promise<void> {}
}

@Controller()
class SecondConsumer {
  @EventPattern(Topics.intake)
  async alsoOnIntake(): Promise<void> {}
}

@Module({ controllers: [FirstConsumer, SecondConsumer] })
class TwoConsumersOfOneTopic {}

@Module({ controllers: [FirstConsumer] })
class OneConsumer {}

const config = loadServiceConfig('guarded', 0, {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
  KAFKA_BROKERS: '127.0.0.1:1',
  HOST: '127.0.0.1',
});
const logger = pino({ level: 'silent' });

describe('createServiceApp', () => {
  it('refuses to start a service where two handlers listen to one topic (Nest would not await the second)', async () => {
    const service = await createServiceApp({ module: TwoConsumersOfOneTopic, config, logger, title: 't', description: 'd' });
    try {
      await expect(service.start()).rejects.toThrow(
        /two Kafka handlers on one topic[\s\S]*petition\.intake\.v1: FirstConsumer\.onIntake and SecondConsumer\.alsoOnIntake/,
      );
    } finally {
      await service.app.close();
    }
  });

  it('accepts one handler per topic', async () => {
    const service = await createServiceApp({ module: OneConsumer, config, logger, title: 't', description: 'd' });
    try {
      expect(() => assertOneConsumerPerTopic(service.app.get(ModulesContainer))).not.toThrow();
    } finally {
      await service.app.close();
    }
  });
});
