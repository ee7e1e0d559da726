import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@petition/contracts';
import { bearer, binaryBody } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { registerPetition, startPlatform, workItemOf, type Platform } from './platform.fixture';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x41)]);
const CONTENT =
  '天河区五山街道华工社区东门外雨水井长期堵塞，每逢大雨积水半米深，居民出行困难，已多次向物业反映未解决，请求疏通并加装排水设施。';
const reason = { reason: '办理前阅读信访事项全文' };

/**
 * The unit reads the whole petition it handles (content, the petitioner's attachments, linked
 * petitions) through handling, which reads it from intake on the caller's behalf; nobody else does.
 */
describe('the case file: the whole petition for the units that handle it', () => {
  let platform: Platform;
  const tianhe = bearer([Role.Handler], unitIdFor('GZ-440106'), 'handler-tianhe');
  const water = bearer([Role.Handler], unitIdFor('GZ-SWJ'), 'handler-water');
  const outsider = bearer([Role.Handler], unitIdFor('GZ-CGJ'), 'handler-cgj');
  const supervisor = bearer([Role.Supervisor]);
  let petitionId: string;
  let leadItem: { id: string };

  beforeAll(async () => {
    platform = await startPlatform();
    // Drainage in a Tianhe street: Tianhe district leads, the water bureau co-handles (demo rules).
    const petition = await registerPetition(platform, {
      title: '小区雨水井堵塞积水',
      content: CONTENT,
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
    });
    petitionId = petition.id;
    await request(platform.intake.url())
      .post(`/api/petitions/${petitionId}/attachments`)
      .query({ fileName: '积水照片说明.pdf' })
      .set('Authorization', bearer([Role.Clerk]))
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(PDF)
      .expect(201);
    leadItem = (await workItemOf(platform, tianhe, petitionId)) as { id: string };
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('the lead unit reads the full content and downloads the attachment the petitioner brought', async () => {
    const file = await request(platform.handling.url())
      .get(`/api/work-items/${leadItem.id}/case-file`)
      .query(reason)
      .set('Authorization', tianhe)
      .expect(200);
    expect(file.body).toMatchObject({
      petitionId,
      channel: 'visit',
      nature: 'claim',
      content: CONTENT,
      headcount: 1,
      emergency: false,
      linked: [],
    });
    expect(file.body.petitionerNameMasked).toMatch(/\*/);
    expect(JSON.stringify(file.body)).not.toMatch(/139\d{8}/);
    const [attachment] = file.body.attachments;
    expect(attachment).toMatchObject({ fileName: '积水照片说明.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const bytes = await request(platform.handling.url())
      .get(`/api/work-items/${leadItem.id}/case-file/attachments/${attachment.id}`)
      .query(reason)
      .set('Authorization', tianhe)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(bytes.body as Buffer, PDF)).toBe(0);
    expect(bytes.headers['content-type']).toContain('application/pdf');

    // Intake logged both reads, with the reason and the reader's unit.
    const log = await request(platform.intake.url())
      .get(`/api/petitions/${petitionId}/contact-access-log`)
      .set('Authorization', supervisor)
      .expect(200);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'handler-tianhe',
          actorUnitId: unitIdFor('GZ-440106'),
          reason: reason.reason,
          fields: ['content', 'attachments', 'linked'],
        }),
        expect.objectContaining({ actor: 'handler-tianhe', fields: [`attachment:${attachment.id}`] }),
      ]),
    );
  });

  it('lists the same matter raised again by the same petitioner, with where it stands', async () => {
    const phone = '13912345678';
    const fields = {
      petitionerPhone: phone,
      title: '楼道照明长期损坏',
      content: '某小区3栋楼道照明长期损坏，夜间无法通行，多次报修无人处理。',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
    };
    const original = await registerPetition(platform, fields);
    const again = await registerPetition(platform, fields);
    const item = await workItemOf(platform, tianhe, original.id);
    const file = await request(platform.handling.url())
      .get(`/api/work-items/${item.id}/case-file`)
      .query(reason)
      .set('Authorization', tianhe)
      .expect(200);
    expect(file.body.linked).toEqual([
      expect.objectContaining({ petitionId: again.id, trackingNo: again.trackingNo, relation: 'repeat', triageOutcome: 'link_repeat' }),
    ]);
  });

  it('a co-handling unit reads it too, through its own work item', async () => {
    const coItem = await workItemOf(platform, water, petitionId, 'co_handler');
    const file = await request(platform.handling.url())
      .get(`/api/work-items/${coItem.id}/case-file`)
      .query(reason)
      .set('Authorization', water)
      .expect(200);
    expect(file.body).toMatchObject({ petitionId, content: CONTENT });
  });

  it('another unit gets the same 404 as for nothing, at handling and at intake, and both refusals are logged', async () => {
    const viaHandling = await request(platform.handling.url())
      .get(`/api/work-items/${leadItem.id}/case-file`)
      .query(reason)
      .set('Authorization', outsider)
      .expect(404);
    expect(viaHandling.body.code).toBe('WORK_ITEM_NOT_FOUND');
    const unknown = await request(platform.handling.url())
      .get(`/api/work-items/${randomUUID()}/case-file`)
      .query(reason)
      .set('Authorization', outsider)
      .expect(404);
    expect(unknown.body.code).toBe(viaHandling.body.code);
    const denied = await platform.sql<{ actor: string; action: string; outcome: string }>(
      'SELECT actor, action, outcome FROM handling.access_audit WHERE work_item_id = $1',
      [leadItem.id],
    );
    expect(denied).toEqual([{ actor: 'handler-cgj', action: 'case-file.read', outcome: 'denied' }]);

    const viaIntake = await request(platform.intake.url())
      .get(`/api/petitions/${petitionId}/case-file`)
      .query(reason)
      .set('Authorization', outsider)
      .expect(404);
    expect(viaIntake.body.code).toBe('PETITION_NOT_FOUND');
    const log = await request(platform.intake.url())
      .get(`/api/petitions/${petitionId}/contact-access-log`)
      .set('Authorization', supervisor)
      .expect(200);
    expect(log.body).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'handler-cgj', fields: ['refused'] })]));
  });

  it('bad input is refused with the field: a missing or blank reason, a malformed id', async () => {
    const noReason = await request(platform.handling.url())
      .get(`/api/work-items/${leadItem.id}/case-file`)
      .set('Authorization', tianhe)
      .expect(400);
    expect(noReason.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    await request(platform.handling.url())
      .get(`/api/work-items/${leadItem.id}/case-file`)
      .query({ reason: '   ' })
      .set('Authorization', tianhe)
      .expect(400);
    await request(platform.handling.url())
      .get('/api/work-items/not-a-uuid/case-file')
      .query(reason)
      .set('Authorization', tianhe)
      .expect(400);
  });

  it('an accusation never reaches the unit it accuses; the discipline unit that leads it reads it', async () => {
    const accused = unitIdFor('GZ-440106');
    const accusation = await registerPetition(platform, {
      title: '反映街道干部违规收费',
      content: '天河区某街道干部在办理证明时违规收取费用，请求调查。',
      categoryCode: 'DISCIPLINE.OFFICIALS',
      regionCode: '440106',
      nature: 'accusation',
      accusedUnitId: accused,
    });
    const discipline = bearer([Role.Handler], unitIdFor('GZ-JW-440106'), 'handler-jw');
    const item = await workItemOf(platform, discipline, accusation.id);
    await request(platform.handling.url())
      .get(`/api/work-items/${item.id}/case-file`)
      .query(reason)
      .set('Authorization', discipline)
      .expect(200);
    // The accused unit has no work item of it, and intake answers as if it did not exist.
    const inbox = await request(platform.handling.url()).get('/api/work-items?limit=200').set('Authorization', tianhe).expect(200);
    expect(inbox.body.items.map((w: { petitionId: string }) => w.petitionId)).not.toContain(accusation.id);
    await request(platform.intake.url())
      .get(`/api/petitions/${accusation.id}/case-file`)
      .query(reason)
      .set('Authorization', tianhe)
      .expect(404);
    await request(platform.handling.url())
      .get(`/api/work-items/${item.id}/case-file`)
      .query(reason)
      .set('Authorization', tianhe)
      .expect(404);
  });
});
