import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer } from '@petition/testing';
import { clerk, lookup, mobile, post, residentId, startIntake, type IntakeHarness } from './intake-harness';

const drainage = { categoryCode: 'URBAN.DRAINAGE', regionCode: '440106001' };
const matter = {
  ...drainage,
  title: '华工小区门口积水',
  content: '五山路华工小区正门口一下雨就积水，水深没过脚踝，居民出行困难，请疏通排水管道。',
};
const reworded = {
  ...drainage,
  title: '再次反映小区门口水浸',
  content: '再次反映五山华工小区门口下雨水浸的问题，排水管堵塞一直没人疏通。',
};
const TRACKING_NO = /\d{6}-\d{8}-\d{6}/g;

describe('intake: repeats are never matched against, nor revealed by, an unverified online submission', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntake();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const row = async (trackingNo: string) =>
    (
      await h.sql<{ id: string; status: string; triage_outcome: string | null; related_petition_id: string | null }>(
        'SELECT id, status, triage_outcome, related_petition_id FROM intake.petitions WHERE tracking_no = $1',
        [trackingNo],
      )
    )[0];
  /** Every tracking number in a public answer other than the petition's own. */
  const othersIn = (body: unknown, own: string) => (JSON.stringify(body).match(TRACKING_NO) ?? []).filter((t) => t !== own);

  it('a stranger who submits first with the victim’s phone cannot make the victim’s petition a repeat of theirs', async () => {
    const victimPhone = mobile(3101);
    const trap = await post(
      h.url,
      '/api/public/petitions',
      { ...matter, petitionerName: '冒名', petitionerPhone: victimPhone },
      null,
    ).expect(201);
    expect(trap.body).toEqual({ trackingNo: trap.body.trackingNo, queryCode: expect.any(String) as string, status: 'registered' });

    // The victim at the window: dispatched, not linked to the stranger's submission.
    const atWindow = await post(h.url, '/api/petitions', {
      ...reworded,
      channel: 'visit',
      petitionerName: '林真',
      petitionerPhone: victimPhone,
    }).expect(201);
    expect(atWindow.body).toMatchObject({ status: 'dispatched', triage: { outcome: 'dispatch', relatedPetitionId: null } });

    // The victim online: it waits for a clerk like every online submission, linked to nothing.
    const online = await post(
      h.url,
      '/api/public/petitions',
      { ...reworded, petitionerName: '林真', petitionerPhone: victimPhone },
      null,
    ).expect(201);
    expect(online.body.status).toBe('registered');
    expect(await row(online.body.trackingNo)).toMatchObject({ status: 'registered', triage_outcome: null, related_petition_id: null });
  });

  it('an online submission matching a verified petition is not linked, and its answer and timeline reveal no other matter', async () => {
    const phone = mobile(3102);
    const original = await post(h.url, '/api/petitions', {
      ...matter,
      channel: 'visit',
      petitionerName: '许七',
      petitionerPhone: phone,
    }).expect(201);
    expect(original.body.status).toBe('dispatched');
    // Someone probing with that phone and the same matter learns nothing: the answer of any online submission.
    const probe = await post(h.url, '/api/public/petitions', { ...reworded, petitionerName: '许七', petitionerPhone: phone }, null).expect(
      201,
    );
    expect(probe.body).toEqual({ trackingNo: probe.body.trackingNo, queryCode: expect.any(String) as string, status: 'registered' });
    expect(othersIn(probe.body, probe.body.trackingNo)).toEqual([]);
    const view = await lookup(h.url, probe.body).expect(200);
    expect(view.body).toMatchObject({
      status: 'registered',
      timeline: [expect.objectContaining({ kind: 'submitted_online', note: null })],
    });
    expect(othersIn(view.body, probe.body.trackingNo)).toEqual([]);
    expect(await row(probe.body.trackingNo)).toMatchObject({ status: 'registered', related_petition_id: null });
  });

  it('shows the clerk every candidate, verified or not, and the clerk’s link shows the petitioner no tracking number', async () => {
    const phone = mobile(3103);
    const first = await post(h.url, '/api/public/petitions', { ...matter, petitionerName: '黄五', petitionerPhone: phone }, null).expect(
      201,
    );
    const verified = await post(h.url, '/api/petitions', {
      ...matter,
      channel: 'call',
      petitionerName: '黄五',
      petitionerPhone: phone,
      petitionerIdNumber: residentId(3103),
    }).expect(201);
    const later = await post(h.url, '/api/public/petitions', { ...reworded, petitionerName: '黄五', petitionerPhone: phone }, null).expect(
      201,
    );
    const laterRow = await row(later.body.trackingNo);

    const candidates = await request(h.url).get(`/api/petitions/${laterRow.id}/repeat-candidates`).set('Authorization', clerk).expect(200);
    expect(candidates.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ trackingNo: verified.body.trackingNo, verified: true, source: 'staff', suggestedOutcome: 'link_repeat' }),
        expect.objectContaining({ trackingNo: first.body.trackingNo, verified: false, source: 'online', suggestedOutcome: 'link_repeat' }),
      ]),
    );
    expect(candidates.body).toHaveLength(2);
    const log = await h.sql<{ matched_by: string; petition_ids: string[] }>(
      `SELECT matched_by, petition_ids FROM intake.petitioner_lookups WHERE actor = 'clerk-1' AND matched_by = 'triage_repeat_check' ORDER BY at DESC LIMIT 1`,
    );
    expect(log[0].petition_ids).toHaveLength(2);
    await request(h.url)
      .get(`/api/petitions/${laterRow.id}/repeat-candidates`)
      .set('Authorization', bearer([Role.Handler], null))
      .expect(403);

    await post(h.url, `/api/petitions/${laterRow.id}/triage`, {
      outcome: 'link_repeat',
      relatedTrackingNo: verified.body.trackingNo,
    }).expect(200);
    const view = await lookup(h.url, later.body).expect(200);
    expect(view.body.timeline.map((s: { kind: string }) => s.kind)).toEqual(['submitted_online', 'linked_as_repeat']);
    expect(view.body.timeline[1].note).toContain('已并入原事项');
    expect(othersIn(view.body, later.body.trackingNo)).toEqual([]);
  });

  it('warns the clerk at the window of a likely repeat of an online submission, which registering never links', async () => {
    const phone = mobile(3104);
    const online = await post(h.url, '/api/public/petitions', { ...matter, petitionerName: '周八', petitionerPhone: phone }, null).expect(
      201,
    );
    const preview = await post(h.url, '/api/petitions/preview', {
      ...reworded,
      channel: 'visit',
      petitionerName: '周八',
      petitionerPhone: phone,
    }).expect(200);
    expect(preview.body.outcome).toBe('dispatch');
    expect(preview.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'POSSIBLE_REPEAT', message: expect.stringContaining(online.body.trackingNo) as string }),
      ]),
    );
  });
});
