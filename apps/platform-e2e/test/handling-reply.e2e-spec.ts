import { createHash, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import request from 'supertest';
import { PETITION_REPLIED, Role, Topics, type EventEnvelope, type PetitionRepliedPayload } from '@petition/contracts';
import { Deadline, defaultRuleSet, loadCalendar } from '@petition/deadlines';
import { bearer, eventually, binaryBody } from '@petition/testing';
import { unitIdFor } from '../../dispatch/src/directory/seed/stable-id';
import { startPlatform, type Platform, acceptedItem as acceptItem } from './platform.fixture';

describe('a unit replies with a decision letter', () => {
  let platform: Platform;
  let consumer: Consumer;
  const events: EventEnvelope[] = [];
  const cgj = unitIdFor('GZ-CGJ');
  const handler = bearer([Role.Handler], cgj, 'handler-of-cgj');
  const head = bearer([Role.UnitHead], cgj, 'head-of-cgj');
  const post = (path: string, auth: string, body: object = {}) =>
    request(platform.handling.url()).post(path).set('Authorization', auth).set('Idempotency-Key', randomUUID()).send(body);
  const letter = {
    outcome: 'support',
    facts: '经现场勘查，邻居加建两层属实，未取得规划许可。',
    decision: '已责令当事人限期自行拆除，逾期将依法强制拆除。',
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    text: '您反映的违建问题经核查属实，我局已责令限期拆除。',
    attachments: [{ fileName: '现场勘查笔录.pdf', contentType: 'application/pdf', sizeBytes: 48213, sha256: 'ab'.repeat(32) }],
  };

  beforeAll(async () => {
    platform = await startPlatform();
    const kafka = new Kafka({ clientId: 'reply-test', brokers: [platform.stack.kafkaBrokers], logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `reply-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.handling, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void events.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.stop();
  });

  // A different petitioner each time, so intake does not link the petitions as repeats.
  const acceptedItem = (phone?: string) => acceptItem(platform, handler, phone ? { petitionerPhone: phone } : {});

  it('accept → contact → extension approved → reply: the reply completes the extended deadline and goes out as petition.replied', async () => {
    const item = await acceptedItem('13800138000');
    await post(`/api/work-items/${item.id}/contacts`, handler, {
      contactedAt: new Date().toISOString(),
      method: 'phone',
      summary: '电话联系信访人，约定现场查看。',
    }).expect(201);
    const asked = await post(`/api/work-items/${item.id}/extension-requests`, handler, { days: 15, reason: '需等待测绘报告。' }).expect(
      201,
    );
    const approved = await post(`/api/extension-requests/${asked.body.id}/approve`, head, { note: '同意。' }).expect(200);
    const extended = Deadline.start({
      start: item.acceptedAt,
      stage: 'handling_standard',
      rules: defaultRuleSet(),
      calendar: loadCalendar(),
    }).extend({ days: 15, at: approved.body.decidedAt, by: 'head-of-cgj', reason: '需等待测绘报告。' });

    // The inbox shows the deadline libs/deadlines gives for the same start and extension.
    const listed = (
      await request(platform.handling.url()).get('/api/work-items?status=accepted&limit=200').set('Authorization', handler).expect(200)
    ).body.items.find((w: { id: string }) => w.id === item.id);
    expect(listed).toMatchObject({ handlingDue: extended.due, currentDue: extended.due });

    const replied = await post(`/api/work-items/${item.id}/reply`, handler, letter).expect(201);
    expect(replied.body).toMatchObject({
      round: 1,
      outcome: 'support',
      repliedOnTime: true,
      repliedBy: 'handler-of-cgj',
      handlingDeadline: { stage: 'handling_standard', due: extended.due, startedAt: item.acceptedAt },
    });
    expect(replied.body.attachments).toEqual([
      expect.objectContaining({
        fileName: '现场勘查笔录.pdf',
        contentType: 'application/pdf',
        sizeBytes: 48213,
        sha256: 'ab'.repeat(32),
        stored: false,
      }),
    ]);

    const event = await eventually(
      async () =>
        events.find((e) => e.type === PETITION_REPLIED && e.petitionId === item.petitionId) as
          EventEnvelope<PetitionRepliedPayload> | undefined,
    );
    expect(event.payload).toMatchObject({
      replyId: replied.body.id,
      workItemId: item.id,
      assignmentId: item.assignmentId,
      unitId: cgj,
      round: 1,
      outcome: 'support',
      legalBasis: letter.legalBasis,
      repliedOnTime: true,
      handlingDeadline: { stage: 'handling_standard', due: extended.due, ruleSet: 'default@2022.1' },
    });
    expect(event.payload.attachments[0]).toMatchObject({ attachmentId: replied.body.attachments[0].attachmentId, sha256: 'ab'.repeat(32) });
    // Events carry no contact data.
    expect(JSON.stringify(event)).not.toContain('13800138000');

    const shown = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', head).expect(200);
    expect(shown.body).toMatchObject({ status: 'replied', replyCount: 1, deadlineState: 'done', handlingDue: extended.due });
    expect(shown.body.replies.map((r: { id: string }) => r.id)).toEqual([replied.body.id]);
    const open = await request(platform.handling.url())
      .get('/api/work-items?state=on_track&limit=200')
      .set('Authorization', handler)
      .expect(200);
    expect(open.body.items.map((w: { id: string }) => w.id)).not.toContain(item.id);

    const twice = await post(`/api/work-items/${item.id}/reply`, handler, letter).expect(409);
    expect(twice.body.code).toBe('WORK_ITEM_WRONG_STATE');
  });

  it('refuses a letter that is incomplete or malformed, with field reasons, and changes nothing', async () => {
    const item = await acceptedItem();
    const bad = await post(`/api/work-items/${item.id}/reply`, handler, {
      ...letter,
      outcome: 'maybe',
      facts: '',
      attachments: [{ fileName: 'x.pdf', contentType: 'pdf', sizeBytes: -1, sha256: 'xyz' }],
    }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['outcome', 'facts']));
    expect(fields.some((f: string) => f.startsWith('attachments'))).toBe(true);
    await post(`/api/work-items/${item.id}/reply`, handler, {
      ...letter,
      attachments: Array.from({ length: 21 }, () => letter.attachments[0]),
    }).expect(400);
    const shown = await request(platform.handling.url()).get(`/api/work-items/${item.id}`).set('Authorization', handler).expect(200);
    expect(shown.body).toMatchObject({ status: 'accepted', replyCount: 0, replies: [] });
  });

  it('records a reply after the deadline as late, judged by libs/deadlines', async () => {
    const item = await acceptedItem();
    // Put the handling deadline in the past (as if 60 days had gone by), as the library would have fixed it then.
    const start = new Date(Date.now() - 70 * 86_400_000);
    const record = Deadline.start({ start, stage: 'handling_standard', rules: defaultRuleSet(), calendar: loadCalendar() });
    await platform.sql(
      'UPDATE handling.work_items SET accepted_at = $2, handling_deadline = $3, handling_due = $4, current_due = $4 WHERE id = $1',
      [item.id, start, JSON.stringify(record.toJSON()), record.due],
    );
    const replied = await post(`/api/work-items/${item.id}/reply`, handler, { ...letter, outcome: 'not_support', attachments: [] }).expect(
      201,
    );
    expect(replied.body).toMatchObject({ repliedOnTime: false, handlingDeadline: { due: record.due } });
    const event = await eventually(
      async () =>
        events.find((e) => e.type === PETITION_REPLIED && e.petitionId === item.petitionId) as
          EventEnvelope<PetitionRepliedPayload> | undefined,
    );
    expect(event.payload).toMatchObject({ repliedOnTime: false, outcome: 'not_support', attachments: [] });
  });

  it('keeps uploaded files for replies: the checksum is computed on receipt, a reply names the upload, only the unit reads it back', async () => {
    const item = await acceptedItem();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('勘查笔录'.repeat(200))]);
    const uploaded = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/attachments?fileName=${encodeURIComponent('勘查笔录.pdf')}`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(bytes)
      .expect(201);
    expect(uploaded.body).toMatchObject({
      fileName: '勘查笔录.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const empty = await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/attachments?fileName=x.pdf`)
      .set('Authorization', handler)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(Buffer.alloc(0))
      .expect(400);
    expect(empty.body.code).toBe('ATTACHMENT_EMPTY');

    const unknown = await post(`/api/work-items/${item.id}/reply`, handler, {
      ...letter,
      attachments: [{ attachmentId: randomUUID() }],
    }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'attachments.0.attachmentId', reason: 'is not an upload of this work item' }]);
    const replied = await post(`/api/work-items/${item.id}/reply`, handler, {
      ...letter,
      attachments: [{ attachmentId: uploaded.body.attachmentId }, letter.attachments[0]],
    }).expect(201);
    expect(replied.body.attachments).toEqual([
      expect.objectContaining({
        fileName: '勘查笔录.pdf',
        sha256: uploaded.body.sha256,
        sizeBytes: bytes.length,
        stored: true,
        uploadId: uploaded.body.attachmentId,
      }),
      expect.objectContaining({ fileName: '现场勘查笔录.pdf', stored: false, uploadId: null }),
    ]);
    const event = await eventually(
      async () =>
        events.find((e) => e.type === PETITION_REPLIED && e.petitionId === item.petitionId) as
          EventEnvelope<PetitionRepliedPayload> | undefined,
    );
    expect(event.payload.attachments.map((a) => a.sha256)).toEqual([uploaded.body.sha256, 'ab'.repeat(32)]);

    const content = await request(platform.handling.url())
      .get(`/api/work-items/${item.id}/attachments/${uploaded.body.attachmentId}/content`)
      .set('Authorization', head)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
    const stranger = bearer([Role.Handler], unitIdFor('GZ-SWJ'), 'stranger-3');
    await request(platform.handling.url())
      .get(`/api/work-items/${item.id}/attachments/${uploaded.body.attachmentId}/content`)
      .set('Authorization', stranger)
      .expect(404);
    await request(platform.handling.url())
      .post(`/api/work-items/${item.id}/attachments?fileName=x.pdf`)
      .set('Authorization', stranger)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', 'application/pdf')
      .send(bytes)
      .expect(404);
    const audit = await platform.sql<{ action: string }>(
      'SELECT action FROM handling.access_audit WHERE work_item_id = $1 AND actor = $2 ORDER BY id',
      [item.id, 'stranger-3'],
    );
    expect(audit.map((a) => a.action)).toEqual(['attachments.read', 'attachments.create']);
  });
});
