import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  ASSESSMENT_PUBLISHED,
  PETITION_CLOSED,
  Topics,
  UNIT_UPSERTED,
  UnitKind,
  UnitLevel,
  type PetitionClosedPayload,
} from '@petition/contracts';
import { EventOutbox } from './event-outbox';
import type { OutboxRecord, OutboxWriter } from './outbox-writer';

describe('EventOutbox', () => {
  const appended: OutboxRecord[][] = [];
  const writer = {
    append: async (_m: EntityManager, r: OutboxRecord | OutboxRecord[]) => void appended.push(Array.isArray(r) ? r : [r]),
  } as unknown as OutboxWriter;
  const outbox = new EventOutbox(writer, 'supervision');
  const at = new Date('2026-11-23T01:00:00Z');

  it('puts each type on its contract topic, keyed by petition, produced by this service at the given instant', async () => {
    const petitionId = randomUUID();
    const payload: PetitionClosedPayload = { petitionId, unitId: randomUUID(), closedAt: '2026-11-23T09:00:00+08:00' };
    const cause = { eventId: randomUUID(), correlationId: randomUUID() };
    await outbox.publish({} as EntityManager, at, { type: PETITION_CLOSED, petitionId, payload, cause });
    const [[record]] = appended.splice(0);
    expect(record).toMatchObject({ topic: Topics.supervision, key: petitionId });
    expect(record.envelope).toMatchObject({
      type: PETITION_CLOSED,
      petitionId,
      producer: 'supervision',
      occurredAt: '2026-11-23T09:00:00+08:00',
      causationId: cause.eventId,
      correlationId: cause.correlationId,
      payload,
    });
  });

  it('writes several events in order, and needs a key for an event about no petition', async () => {
    const unit = {
      unitId: randomUUID(),
      code: 'D-1',
      name: '区城管局',
      level: UnitLevel.District,
      kind: UnitKind.FunctionalDepartment,
      parentId: null,
      regionCodes: [],
      categoryCodes: [],
      active: true,
    };
    await outbox.publish({} as EntityManager, at, [
      { type: UNIT_UPSERTED, petitionId: null, payload: unit, key: unit.unitId },
      { type: UNIT_UPSERTED, petitionId: null, payload: { ...unit, active: false }, key: unit.unitId },
    ]);
    const [records] = appended.splice(0);
    expect(records.map((r) => [r.topic, r.key, (r.envelope.payload as { active: boolean }).active])).toEqual([
      [Topics.directory, unit.unitId, true],
      [Topics.directory, unit.unitId, false],
    ]);
    expect(() => outbox.record(at, { type: ASSESSMENT_PUBLISHED, petitionId: null, payload: {} as never })).toThrow(
      /is about no petition: give it a key/,
    );
  });
});
