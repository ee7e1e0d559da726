import { ApiKey } from '../src/protocol/api-key';
import { ErrorCode } from '../src/protocol/error-code';
import { RawKafkaClient } from './raw-kafka-client';
import { startTestBroker, uniqueName, waitFor } from './broker-test-kit';
import type { TestBroker } from './broker-test-kit';

function frame(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}

function header(apiKey: number, apiVersion: number, correlationId: number): Buffer {
  const bytes = Buffer.alloc(10);
  bytes.writeInt16BE(apiKey, 0);
  bytes.writeInt16BE(apiVersion, 2);
  bytes.writeInt32BE(correlationId, 4);
  bytes.writeInt16BE(-1, 8);
  return bytes;
}

describe('bad input', () => {
  let env: TestBroker;

  beforeAll(async () => {
    env = await startTestBroker();
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('closes only the offending connections while kafkajs clients keep working', async () => {
    const topic = uniqueName('bad-input');
    const producer = env.kafka().producer();
    await producer.connect();
    const consumer = env.kafka().consumer({ groupId: uniqueName('bad-input'), maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void values.push(String(message.value)) });
    await producer.send({ topic, messages: [{ value: 'before' }] });

    const offences: Array<[string, (client: RawKafkaClient) => void]> = [
      ['a frame too short for a header', (c) => c.writeRaw(frame(Buffer.from([1, 2, 3])))],
      ['an unknown API key', (c) => c.writeRaw(frame(header(99, 0, 1)))],
      ['an unsupported version', (c) => c.writeRaw(frame(header(ApiKey.Produce, 9, 1)))],
      ['an absurd frame size', (c) => c.writeRaw(Buffer.from([0x7f, 0xff, 0xff, 0xff]))],
      ['a negative frame size', (c) => c.writeRaw(Buffer.from([0xff, 0xff, 0xff, 0xf0]))],
      [
        'an array count beyond the frame',
        (c) => c.writeRaw(frame(Buffer.concat([header(ApiKey.Metadata, 4, 1), Buffer.from([0, 0x0f, 0x42, 0x40, 1])]))),
      ],
      ['a truncated body', (c) => c.writeRaw(frame(Buffer.concat([header(ApiKey.JoinGroup, 2, 1), Buffer.from([0, 5, 97])])))],
    ];
    for (const [what, offend] of offences) {
      const client = await RawKafkaClient.connect(env.broker.address);
      offend(client);
      await waitFor(`the connection to close after ${what}`, () => client.isClosed, 5000);
      await producer.send({ topic, messages: [{ value: `after ${what}` }] });
    }

    await waitFor('every message', () => values.length === offences.length + 1);
    expect(values).toEqual(['before', ...offences.map(([what]) => `after ${what}`)]);
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  });

  it('answers earlier pipelined requests before closing on a bad one', async () => {
    const client = await RawKafkaClient.connect(env.broker.address);
    const answered = client.request(ApiKey.ApiVersions, 2, () => undefined);
    client.writeRaw(frame(header(77, 0, 99)));
    const response = await answered;
    expect(response.int16()).toBe(ErrorCode.None);
    await client.closed;
  });

  it('answers an ApiVersions version it does not speak with UNSUPPORTED_VERSION and the v0 list', async () => {
    const client = await RawKafkaClient.connect(env.broker.address);
    const refused = await client.request(ApiKey.ApiVersions, 3, (w) => w.int8(0));
    expect(refused.int16()).toBe(ErrorCode.UnsupportedVersion);
    const advertised = refused.array((r) => ({ apiKey: r.int16(), min: r.int16(), max: r.int16() }));
    expect(advertised).toEqual(expect.arrayContaining([{ apiKey: ApiKey.Fetch, min: 4, max: 4 }]));
    expect(refused.remaining()).toBe(0);

    const accepted = await client.request(ApiKey.ApiVersions, 2, () => undefined);
    expect(accepted.int16()).toBe(ErrorCode.None);
    const list = accepted.array((r) => [r.int16(), r.int16(), r.int16()]);
    expect(list).toEqual(
      expect.arrayContaining([
        [ApiKey.Produce, 3, 3],
        [ApiKey.Metadata, 4, 4],
        [ApiKey.OffsetFetch, 2, 2],
        [ApiKey.ApiVersions, 0, 2],
      ]),
    );
    expect(accepted.int32()).toBe(0);
    expect(client.isClosed).toBe(false);
    client.close();
  });
});
