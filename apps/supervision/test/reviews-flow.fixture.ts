import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import request from 'supertest';
import {
  PETITION_ASSIGNED,
  PETITION_REPLIED,
  ReplyOutcome,
  Role,
  Topics,
  Nature,
  Track,
  createEnvelope,
  toOffsetIso,
  type EventEnvelope,
  type PetitionAssignedPayload,
  type PetitionRepliedPayload,
} from '@petition/contracts';
import {
  bearer,
  bootService,
  clockStartingAt,
  eventually,
  migrate,
  startTestStack,
  type ServiceApp,
  type TestStack,
} from '@petition/testing';
import { createApp } from '../src/bootstrap';
import { supervisionMigrations } from '../src/database/migrations';

/** Supervision alone on its own stack, on a controllable clock, with a producer for upstream events and a reader of what it publishes. */
export interface FlowFixture {
  stack: TestStack;
  app: ServiceApp;
  /** Every event supervision published so far. */
  published: EventEnvelope[];
  setClock(at: string): Promise<void>;
  now(): Promise<string>;
  publish(topic: string, type: string, petitionId: string, payload: object): Promise<EventEnvelope>;
  /** A matter assigned to `unitId` and replied at `round`; returns the reply payload. */
  reply(petitionId: string, unitId: string, round?: number): Promise<PetitionRepliedPayload>;
  /** Waits for the pending review of a reply. */
  pendingReview(replyId: string): Promise<{ id: string; [k: string]: unknown }>;
  /** Waits for the first published event of `type` for `petitionId` (after `skip` such events). */
  event<T = Record<string, unknown>>(type: string, petitionId: string, skip?: number): Promise<EventEnvelope<T>>;
  post(path: string, body: object, auth?: string): request.Test;
  get(path: string, auth?: string): request.Test;
  stop(): Promise<void>;
}

export const supervisor = bearer([Role.Supervisor], null, 'supervisor-1');
export const clerk = bearer([Role.Clerk], null, 'clerk-1');
const admin = bearer([Role.Admin]);

/** Starts the fixture with the clock at `start`. */
export async function startFlowFixture(start: string): Promise<FlowFixture> {
  const stack = await startTestStack();
  await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
  const app = await bootService(createApp, { ...stack.env, ...clockStartingAt(start) });
  const kafka = new Kafka({ clientId: `supervision-flow-${randomUUID()}`, brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer();
  await producer.connect();
  const published: EventEnvelope[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: `flow-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.supervision, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      published.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope);
    },
  });

  const fixture: FlowFixture = {
    stack,
    app,
    published,
    async setClock(at) {
      await request(app.url()).put('/internal/clock').set('Authorization', admin).send({ set: at }).expect(200);
    },
    async now() {
      return (await request(app.url()).get('/internal/clock').set('Authorization', admin).expect(200)).body.now;
    },
    async publish(topic, type, petitionId, payload) {
      // Stamped on the service's clock, as a real producer on the same (moved) time would.
      const envelope = createEnvelope('test', new Date(await fixture.now()), { type, petitionId, payload });
      await producer.send({ topic, messages: [{ key: petitionId, value: JSON.stringify(envelope) }] });
      return envelope;
    },
    async reply(petitionId, unitId, round = 1) {
      const now = await fixture.now();
      if (round === 1) {
        const assigned: PetitionAssignedPayload = {
          assignmentId: randomUUID(),
          petitionId,
          trackingNo: '440106-20261123-000001',
          leadUnitId: unitId,
          coHandlerUnitIds: [],
          track: Track.Standard,
          nature: Nature.Claim,
          title: '小区积水',
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440106',
          petitionerNameMasked: '李*',
          instructions: null,
          acceptDeadline: { stage: 'unit_accept', startedAt: now, due: now, ruleSet: 'default@2022.1', provisional: false },
          returnDeadline: { stage: 'unit_return', startedAt: now, due: now, ruleSet: 'default@2022.1', provisional: false },
          handlingStage: 'handling_standard',
          assignedAt: now,
        };
        await fixture.publish(Topics.dispatch, PETITION_ASSIGNED, petitionId, assigned);
      }
      const payload: PetitionRepliedPayload = {
        replyId: randomUUID(),
        workItemId: randomUUID(),
        petitionId,
        assignmentId: randomUUID(),
        unitId,
        round,
        outcome: ReplyOutcome.Support,
        facts: '经查，小区排水管道堵塞属实。',
        decision: `责成物业三日内疏通（第${round}轮）。`,
        legalBasis: '《城镇排水与污水处理条例》第二十条',
        text: '您反映的小区积水问题……',
        attachments: [
          { attachmentId: randomUUID(), fileName: '现场照片.jpg', contentType: 'image/jpeg', sizeBytes: 1024, sha256: 'a'.repeat(64) },
        ],
        handlingDeadline: { stage: 'handling_standard', startedAt: now, due: now, ruleSet: 'default@2022.1', provisional: false },
        repliedOnTime: true,
        repliedAt: now,
      };
      await fixture.publish(Topics.handling, PETITION_REPLIED, petitionId, payload);
      return payload;
    },
    pendingReview(replyId) {
      return eventually(async () => {
        const res = await request(app.url()).get('/api/reviews?status=pending&limit=200').set('Authorization', supervisor).expect(200);
        return res.body.items.find((r: { replyId: string }) => r.replyId === replyId);
      });
    },
    event<T>(type: string, petitionId: string, skip = 0) {
      return eventually(
        async () => published.filter((e) => e.type === type && e.petitionId === petitionId)[skip] as EventEnvelope<T> | undefined,
      );
    },
    post(path, body, auth = supervisor) {
      return request(app.url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
    },
    get(path, auth = supervisor) {
      return request(app.url()).get(path).set('Authorization', auth);
    },
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
      await app.shutdown();
      await stack.stop();
    },
  };
  return fixture;
}

/** `toOffsetIso` of an ISO text, to compare instants as supervision writes them. */
export function iso(text: string): string {
  return toOffsetIso(new Date(text));
}
