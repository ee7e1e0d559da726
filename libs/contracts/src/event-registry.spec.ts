import { randomUUID } from 'node:crypto';
import { createEnvelope, toOffsetIso } from './envelope';
import { Channel, Nature } from './enums';
import { MalformedEventError, parseEvent } from './event-registry';
import { PETITION_REGISTERED } from './events/petition-registered.event';

const payload = {
  petitionId: randomUUID(),
  trackingNo: '440106-20261122-000001',
  channel: Channel.Visit,
  nature: Nature.Claim,
  title: '积水',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  petitionerRef: 'ptr_1',
  petitionerNameMasked: '张*',
  headcount: 1,
  emergency: false,
  registeredAt: '2026-11-22T10:00:00+08:00',
};

describe('parseEvent', () => {
  it('accepts a valid envelope from a Buffer, a string or an object', () => {
    const env = createEnvelope('intake', new Date('2026-11-22T02:00:00Z'), {
      type: PETITION_REGISTERED,
      petitionId: payload.petitionId,
      payload,
    });
    expect(env.occurredAt).toBe('2026-11-22T10:00:00+08:00');
    expect(env.correlationId).toBe(env.eventId);
    for (const raw of [Buffer.from(JSON.stringify(env)), JSON.stringify(env), env]) expect(parseEvent(raw)).toEqual(env);
  });

  it('keeps causation and correlation of the event that caused it', () => {
    const cause = createEnvelope('intake', new Date(), { type: PETITION_REGISTERED, petitionId: payload.petitionId, payload });
    const next = createEnvelope('dispatch', new Date(), {
      type: 'petition.assigned.test',
      petitionId: payload.petitionId,
      payload: {},
      cause,
    });
    expect(next).toMatchObject({ causationId: cause.eventId, correlationId: cause.correlationId });
  });

  it.each([
    ['not JSON', 'nope {', 'event value is not JSON'],
    ['an array', '[1,2]', 'event value is not a JSON object'],
    ['null', 'null', 'event value is not a JSON object'],
  ])('refuses %s', (_, raw, message) => {
    expect(() => parseEvent(raw)).toThrow(new MalformedEventError(message));
  });

  it('names every bad envelope and payload field', () => {
    const env = createEnvelope('intake', new Date(), {
      type: PETITION_REGISTERED,
      petitionId: payload.petitionId,
      payload: { ...payload, channel: 'pigeon', headcount: 0 },
    });
    try {
      parseEvent({ ...env, eventId: 'x' });
      throw new Error('expected a MalformedEventError');
    } catch (err) {
      expect(err).toBeInstanceOf(MalformedEventError);
      expect((err as MalformedEventError).issues.map((i) => i.field)).toEqual(['eventId']);
    }
    try {
      parseEvent(env);
      throw new Error('expected a MalformedEventError');
    } catch (err) {
      expect((err as MalformedEventError).issues.map((i) => i.field)).toEqual(
        expect.arrayContaining(['payload.channel', 'payload.headcount']),
      );
    }
  });

  it('lets unknown event types through untouched, for consumers to skip', () => {
    const env = createEnvelope('future', new Date(), { type: 'petition.something_new', petitionId: null, payload: { anything: 1 } });
    expect(parseEvent(env).payload).toEqual({ anything: 1 });
  });

  it('formats instants in Asia/Shanghai whatever the machine zone, with milliseconds only when present', () => {
    expect(toOffsetIso(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30:00+08:00');
    expect(toOffsetIso(new Date('2026-12-31T16:30:00.250Z'))).toBe('2027-01-01T00:30:00.250+08:00');
  });
});
