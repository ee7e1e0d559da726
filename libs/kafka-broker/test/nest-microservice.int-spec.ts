import { Controller } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, MessagePattern, Payload, RpcException, Transport } from '@nestjs/microservices';
import type { KafkaOptions } from '@nestjs/microservices';
import { Module } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

// Nest reads patterns from decorators at class definition, so the names are fixed per run.
const EVENT_TOPIC = uniqueName('nest.petition-registered');
const SUM_TOPIC = uniqueName('nest.sum');
const FAIL_TOPIC = uniqueName('nest.fail');
const received: Array<{ id: number; text: string }> = [];

@Controller()
class PetitionController {
  @EventPattern(EVENT_TOPIC)
  registered(@Payload() event: { id: number; text: string }): void {
    received.push(event);
  }

  @MessagePattern(SUM_TOPIC)
  sum(@Payload() request: { numbers: number[] }): { total: number } {
    return { total: request.numbers.reduce((a, b) => a + b, 0) };
  }

  @MessagePattern(FAIL_TOPIC)
  fail(): never {
    throw new RpcException('petition not found');
  }
}

@Module({ controllers: [PetitionController] })
class PetitionModule {}

function kafkaOptions(address: string, role: string): NonNullable<KafkaOptions['options']> {
  return {
    client: { clientId: `nest-${role}`, brokers: [address], logLevel: logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 100 } },
    consumer: { groupId: uniqueName(`nest-${role}`), sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
    subscribe: { fromBeginning: true },
  };
}

describe('NestJS Kafka transport', () => {
  let env: TestBroker;
  let app: INestMicroservice;
  let client: ClientKafka;

  beforeAll(async () => {
    env = await startTestBroker({ partitions: 3 });
    app = await NestFactory.createMicroservice(PetitionModule, {
      transport: Transport.KAFKA,
      options: kafkaOptions(env.broker.address, 'server'),
      logger: false,
    });
    await app.listen();
    client = new ClientKafka(kafkaOptions(env.broker.address, 'client'));
    client.subscribeToResponseOf(SUM_TOPIC);
    client.subscribeToResponseOf(FAIL_TOPIC);
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await app.close();
    await env.dispose();
  });

  it('delivers ClientKafka.emit events to an @EventPattern handler, in order per key', async () => {
    const events = Array.from({ length: 20 }, (_, id) => ({ id, text: `请求 ${id}` }));
    for (const event of events) await lastValueFrom(client.emit(EVENT_TOPIC, { key: 'petition-1', value: event }));
    await waitFor('all events handled', () => received.length === events.length);
    expect(received).toEqual(events);
  });

  it('answers ClientKafka.send through an @MessagePattern handler and the reply topic', async () => {
    await expect(lastValueFrom(client.send(SUM_TOPIC, { numbers: [1, 2, 3, 4] }))).resolves.toEqual({ total: 10 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => lastValueFrom(client.send(SUM_TOPIC, { numbers: [i, i] }))));
    expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => ({ total: 2 * i })));
  });

  it('carries a handler error back to the caller', async () => {
    await expect(lastValueFrom(client.send(FAIL_TOPIC, { id: 1 }))).rejects.toMatchObject({ message: 'petition not found' });
  });
});
