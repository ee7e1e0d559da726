import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, clockStartingAt, eventually } from '@petition/testing';
import { clerk, eventsOf, lookup, mobile, post, residentId, startIntake, type IntakeHarness } from './intake-harness';

const supervisor = bearer([Role.Supervisor], null, 'supervisor-1');
const tianhe = { regionCode: '440106001' };
const reason = '来访人询问其此前反映事项的办理情况';

/** The same ID number with another check digit. */
function wrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

/** Monday 2 November 2026, 10:00 in China: the notice period of 15 days ends on Tuesday 17 November. */
const START = '2026-11-02T10:00:00+08:00';

describe('intake: the window — lookup, preview, answer on the spot, inform/forward/refuse with the written notice', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntake(clockStartingAt(START));
  });
  afterAll(async () => {
    await h?.stop();
  });

  const person = { petitionerName: '周 明', petitionerIdNumber: residentId(7001), petitionerPhone: mobile(7001) };

  async function register(body: Record<string, unknown>) {
    return (await post(h.url, '/api/petitions', { channel: 'visit', ...tianhe, ...body }).expect(201)).body;
  }
  const lookups = async () => (await h.sql<{ n: string }>('SELECT count(*) AS n FROM intake.petitioner_lookups'))[0].n;

  describe('petitioner lookup', () => {
    let drainage: { id: string; trackingNo: string };
    let wages: { id: string; trackingNo: string };
    beforeAll(async () => {
      drainage = await register({
        ...person,
        categoryCode: 'URBAN.DRAINAGE',
        title: '小区排水管道堵塞',
        content: '小区排水管道堵塞多日，污水外溢，请求疏通。',
      });
      wages = await register({
        ...person,
        categoryCode: 'LABOR.WAGES',
        title: '工地拖欠工资',
        content: '在某工地务工三个月，工资一直未结清，请求帮助追讨。',
      });
    });

    it('finds the person by ID number, by phone, and by name within the region, with each earlier petition’s status', async () => {
      const byId = await post(h.url, '/api/petitioners/lookup', { idNumber: person.petitionerIdNumber.toLowerCase(), reason }).expect(200);
      expect(byId.body).toMatchObject({ matchedBy: 'id_number', nameMasked: '周**', truncated: false });
      expect(byId.body.petitions.map((p: { trackingNo: string }) => p.trackingNo)).toEqual([wages.trackingNo, drainage.trackingNo]);
      expect(byId.body.petitions[1]).toMatchObject({
        title: '小区排水管道堵塞',
        status: 'dispatched',
        open: true,
        triageOutcome: 'dispatch',
        replyOutcome: null,
        openWindow: null,
      });

      const byPhone = await post(h.url, '/api/petitioners/lookup', { phone: person.petitionerPhone, reason }).expect(200);
      expect(byPhone.body.petitions).toHaveLength(2);
      const byName = await post(h.url, '/api/petitioners/lookup', { name: '周明', regionCode: '440106', reason }).expect(200);
      expect(byName.body).toMatchObject({ matchedBy: 'name_region' });
      expect(byName.body.petitions).toHaveLength(2);
      const elsewhere = await post(h.url, '/api/petitioners/lookup', { name: '周明', regionCode: '440103', reason }).expect(200);
      expect(elsewhere.body.petitions).toEqual([]);
    });

    it('logs every lookup with its reason and what it showed, never the identity itself; supervisors read the log', async () => {
      const before = Number(await lookups());
      await post(h.url, '/api/petitioners/lookup', { phone: person.petitionerPhone, reason: '核实来电人身份' }).expect(200);
      expect(Number(await lookups())).toBe(before + 1);
      const log = await request(h.url).get('/api/petitioners/lookups?limit=1').set('Authorization', supervisor).expect(200);
      expect(log.body.items[0]).toMatchObject({ actor: 'clerk-1', reason: '核实来电人身份', matchedBy: 'phone' });
      expect(log.body.items[0].petitionIds.sort()).toEqual([drainage.id, wages.id].sort());
      expect(log.body.nextCursor).toEqual(expect.any(String));
      const raw = JSON.stringify(await h.sql('SELECT * FROM intake.petitioner_lookups'));
      expect(raw).not.toContain(person.petitionerPhone);
      expect(raw).not.toContain(person.petitionerIdNumber);
      await request(h.url).get('/api/petitioners/lookups').set('Authorization', clerk).expect(403);
    });

    it('refuses a lookup without exactly one identity or without a reason, field by field, and logs nothing', async () => {
      const before = await lookups();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ reason }, 'idNumber'],
        [{ idNumber: person.petitionerIdNumber, phone: person.petitionerPhone, reason }, 'idNumber'],
        [{ name: '周明', reason }, 'regionCode'],
        [{ regionCode: '440106', reason }, 'name'],
        [{ idNumber: person.petitionerIdNumber }, 'reason'],
        [{ idNumber: wrongCheckDigit(person.petitionerIdNumber), reason }, 'idNumber'],
        [{ phone: '12345', reason }, 'phone'],
      ];
      for (const [body, field] of cases) {
        const res = await post(h.url, '/api/petitioners/lookup', body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await lookups()).toBe(before);
      await post(h.url, '/api/petitioners/lookup', { phone: person.petitionerPhone, reason }, bearer([Role.Handler], null, 'h')).expect(
        403,
      );
    });

    it('previews a registration: warns of the likely repeat and the other open matter, and saves nothing', async () => {
      const count = async () => (await h.sql<{ n: string }>('SELECT count(*) AS n FROM intake.petitions'))[0].n;
      const before = await count();
      const res = await post(h.url, '/api/petitions/preview', {
        channel: 'visit',
        ...tianhe,
        ...person,
        categoryCode: 'URBAN.DRAINAGE',
        title: '小区排水管道又堵塞了',
        content: '小区排水管道堵塞，污水外溢，再次请求疏通。',
      }).expect(200);
      expect(res.body).toMatchObject({
        outcome: 'link_repeat',
        repeat: { kind: 'link', trackingNo: drainage.trackingNo, title: '小区排水管道堵塞', status: 'dispatched' },
        emergencySignals: [],
      });
      expect(res.body.openMatters.map((m: { trackingNo: string }) => m.trackingNo)).toEqual([wages.trackingNo]);
      expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['LIKELY_REPEAT', 'OPEN_MATTER']);
      expect(res.body.warnings[0].message).toContain(drainage.trackingNo);
      expect(await count()).toBe(before);
      const [logged] = await h.sql<{ matched_by: string }>('SELECT matched_by FROM intake.petitioner_lookups ORDER BY at DESC LIMIT 1');
      expect(logged.matched_by).toBe('registration_preview');

      const fresh = await post(h.url, '/api/petitions/preview', {
        channel: 'visit',
        ...tianhe,
        petitionerName: '新人',
        petitionerPhone: mobile(7099),
        categoryCode: 'URBAN.DRAINAGE',
        title: '路灯不亮',
        content: '小区门口路灯坏了一个月。',
      }).expect(200);
      expect(fresh.body).toMatchObject({ outcome: 'dispatch', repeat: null, openMatters: [], warnings: [] });
      const bad = await post(h.url, '/api/petitions/preview', { channel: 'visit', ...tianhe, title: '' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'categoryCode']));
    });
  });

  describe('answer on the spot', () => {
    it('registers and ends a visit with the answer given, publishes the outcome, and shows the answer to the petitioner', async () => {
      const answer = '已当场告知：小区路灯由街道城管科负责维修，报修电话 020-12345，一般三个工作日内修复。';
      const p = await register({
        petitionerName: '吴青',
        petitionerPhone: mobile(7101),
        categoryCode: 'URBAN.DRAINAGE',
        title: '咨询路灯报修',
        content: '想了解小区路灯坏了向哪个部门报修。',
        route: 'answer_on_the_spot',
        answer,
      });
      expect(p).toMatchObject({ status: 'ended', answer, triage: { outcome: 'answer_on_the_spot', by: 'clerk-1' }, writtenNotice: null });
      const events = await eventsOf(h, p.id, 1);
      expect(events.map((e) => e.type)).toEqual(['petition.triaged']);
      expect(events[0].payload).toMatchObject({ outcome: 'answer_on_the_spot', automatic: false, channel: 'visit' });
      const view = await lookup(h.url, p).expect(200);
      expect(view.body.timeline.map((s: { kind: string }) => s.kind)).toEqual(['registered', 'answered_on_the_spot']);
      expect(view.body.timeline[1]).toMatchObject({ label: '已当场答复', note: `当场答复：${answer}` });
    });

    it('answers only a visit or a call, and only with an answer', async () => {
      const base = { petitionerName: '吴青', categoryCode: 'URBAN.DRAINAGE', ...tianhe, title: '咨询', content: '咨询事项内容。' };
      const letter = await post(h.url, '/api/petitions', {
        ...base,
        channel: 'letter',
        letter: { receivedDate: '2026-11-01' },
        route: 'answer_on_the_spot',
        answer: '当场答复的内容',
      }).expect(400);
      expect(letter.body.details).toEqual([{ field: 'route', reason: 'only a visit or a call can be answered on the spot' }]);
      const none = await post(h.url, '/api/petitions', { ...base, channel: 'visit', route: 'answer_on_the_spot' }).expect(400);
      expect(new Set(none.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['answer']));
      const stray = await post(h.url, '/api/petitions', { ...base, channel: 'visit', answer: '不应单独出现的答复' }).expect(400);
      expect(stray.body.details).toEqual([{ field: 'answer', reason: 'an answer belongs to route answer_on_the_spot' }]);
    });
  });

  describe('inform, forward, refuse for staff-registered petitions, with the written notice', () => {
    it('holds a letter for triage, forwards it, and tracks its written notice: due 15 days from receipt, recorded once', async () => {
      const p = await register({
        channel: 'letter',
        letter: { receivedDate: '2026-11-02' },
        petitionerName: '郑华',
        petitionerAddress: '广州市天河区某路1号',
        categoryCode: 'LABOR.WAGES',
        title: '来信反映外省企业欠薪',
        content: '本人在外省某企业务工，企业拖欠工资，请求帮助。',
        route: 'triage',
      });
      expect(p).toMatchObject({ status: 'registered', triage: null, writtenNotice: null });
      await new Promise((r) => setTimeout(r, 300));
      expect(h.published.filter((m) => m.key === p.id)).toEqual([]);

      const forwarded = await post(h.url, `/api/petitions/${p.id}/triage`, {
        outcome: 'forward',
        authority: '某省人力资源和社会保障厅',
      }).expect(200);
      expect(forwarded.body).toMatchObject({
        status: 'ended',
        triage: { outcome: 'forward', target: '某省人力资源和社会保障厅' },
        writtenNotice: { due: '2026-11-18T00:00:00+08:00', givenAt: null, method: null },
      });
      const pending = await request(h.url).get('/api/petitions?noticePending=true').set('Authorization', clerk).expect(200);
      expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(p.id);

      const given = await post(h.url, `/api/petitions/${p.id}/written-notice`, { method: 'post' }).expect(200);
      expect(given.body.writtenNotice).toMatchObject({ due: '2026-11-18T00:00:00+08:00', method: 'post', givenAt: expect.any(String) });
      const again = await post(h.url, `/api/petitions/${p.id}/written-notice`, { method: 'in_person' }).expect(409);
      expect(again.body.code).toBe('WRITTEN_NOTICE_ALREADY_GIVEN');
      const after = await request(h.url).get('/api/petitions?noticePending=true').set('Authorization', clerk).expect(200);
      expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
      // The letter gave no mobile number: its notice of the decision waits for staff to send in writing.
      const notices = await eventually(async () => {
        const res = await request(h.url).get(`/api/petitions/${p.id}/notices`).set('Authorization', clerk).expect(200);
        return res.body.length === 2 ? res.body : undefined;
      });
      expect(notices.map((n: { kind: string; status: string }) => [n.kind, n.status])).toEqual([
        ['registration', 'no_recipient'],
        ['non_acceptance', 'no_recipient'],
      ]);
      expect(notices[1].text).toContain('经审查，已转送：某省人力资源和社会保障厅。书面告知另行送达。');
      const bad = await post(h.url, `/api/petitions/${p.id}/written-notice`, { method: 'pigeon' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['method']);
    });

    it('informs a held visit of the proper channel; a dispatched petition owes no notice here', async () => {
      const held = await register({
        petitionerName: '冯力',
        categoryCode: 'LABOR.WAGES',
        title: '解除劳动合同纠纷',
        content: '公司解除劳动合同不支付经济补偿。',
        route: 'triage',
      });
      const informed = await post(h.url, `/api/petitions/${held.id}/triage`, {
        outcome: 'inform',
        properChannel: 'labor_arbitration',
      }).expect(200);
      expect(informed.body).toMatchObject({ status: 'ended', writtenNotice: { due: '2026-11-18T00:00:00+08:00' } });

      const dispatched = await register({
        petitionerName: '冯力',
        categoryCode: 'URBAN.DRAINAGE',
        title: '井盖缺失',
        content: '路口井盖缺失。',
      });
      const res = await post(h.url, `/api/petitions/${dispatched.id}/written-notice`, { method: 'post' }).expect(409);
      expect(res.body.code).toBe('WRITTEN_NOTICE_NOT_OWED');
    });
  });
});
