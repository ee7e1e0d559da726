import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, eventually } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform } from './platform.fixture';

/** Supervision tracks the deadlines the other services fix, from their real events. */
describe('supervision follows a matter’s deadlines across the services', () => {
  let platform: Platform;
  const supervisor = bearer([Role.Supervisor]);

  beforeAll(async () => {
    platform = await startPlatform(['intake', 'dispatch', 'handling', 'supervision']);
  }, 120000);
  afterAll(async () => {
    await platform?.stop();
  });

  const deadlines = async (petitionId: string) =>
    (
      await request(platform.supervision.url())
        .get(`/api/deadlines?petitionId=${petitionId}&limit=50`)
        .set('Authorization', supervisor)
        .expect(200)
    ).body.items as Array<{
      stage: string;
      state: string;
      due: string;
      unitId: string | null;
      completedAt: string | null;
    }>;

  it('closes triage at assignment, holds the lead unit to acceptance, then to first contact and handling with the due dates handling fixed', async () => {
    const unitId = unitIdFor('GZ-RSJ');
    const registered = await request(platform.intake.url())
      .post('/api/petitions')
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .send({
        channel: 'visit',
        petitionerName: '钱九',
        title: '工资被拖欠两个月',
        content: '公司拖欠工资两个月，请求帮助追讨。',
        categoryCode: 'LABOR.WAGES',
        regionCode: '440106002',
      })
      .expect(201);
    const petitionId = registered.body.id as string;
    const handler = bearer([Role.Handler], unitId);
    const item = await eventually(
      async () => {
        const inbox = await request(platform.handling.url()).get('/api/work-items').set('Authorization', handler).expect(200);
        return inbox.body.items.find((w: { petitionId: string }) => w.petitionId === petitionId);
      },
      { timeoutMs: 30000 },
    );
    const assigned = await eventually(
      async () => {
        const rows = await deadlines(petitionId);
        const triage = rows.find((d) => d.stage === 'triage');
        const accept = rows.find((d) => d.stage === 'unit_accept');
        return triage?.state === 'met' && accept ? { triage, accept } : undefined;
      },
      { timeoutMs: 30000 },
    );
    expect(assigned.triage.unitId).toBeNull();
    expect(assigned.accept).toMatchObject({ state: 'open', unitId, due: item.acceptDue });

    const accepted = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/accept`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .expect(200);
    const after = await eventually(
      async () => {
        const rows = await deadlines(petitionId);
        return rows.find((d) => d.stage === 'unit_accept')?.state === 'met' && rows.some((d) => d.stage === accepted.body.handlingStage)
          ? rows
          : undefined;
      },
      { timeoutMs: 30000 },
    );
    expect(after.find((d) => d.stage === accepted.body.handlingStage)).toMatchObject({
      state: 'open',
      unitId,
      due: accepted.body.handlingDue,
    });
    expect(after.find((d) => d.stage === 'first_contact')).toMatchObject({ state: 'open', unitId, due: accepted.body.firstContactDue });
  }, 120000);
});
