import { AppealKind } from '@petition/contracts';
import { AppealRefusalCode, checkAppealWindow, type AppealWindowFacts } from './appeal-window';

const delivered = new Date('2026-11-23T09:00:00+08:00');
const reviewDue = new Date('2026-12-24T00:00:00+08:00');
const base: AppealWindowFacts = {
  kind: AppealKind.Review,
  receivedAt: new Date('2026-12-01T10:00:00+08:00'),
  deliveredAt: delivered,
  reviewRequestDue: reviewDue,
  concludedAt: null,
  sameKind: null,
  review: null,
};
const decidedReview = {
  status: 'decided',
  decidedAt: new Date('2026-12-20T10:00:00+08:00'),
  nextRequestDue: new Date('2027-01-20T00:00:00+08:00'),
};

describe('checkAppealWindow', () => {
  it('files a review received inside review_request, and refuses one received at its due instant', () => {
    expect(checkAppealWindow(base)).toEqual({ ok: true, windowDue: reviewDue });
    expect(checkAppealWindow({ ...base, receivedAt: new Date(reviewDue.getTime() - 1) }).ok).toBe(true);
    expect(checkAppealWindow({ ...base, receivedAt: reviewDue })).toMatchObject({ ok: false, code: AppealRefusalCode.WindowClosed });
  });

  it('needs a delivered reply for a review, received after the delivery', () => {
    expect(checkAppealWindow({ ...base, deliveredAt: null, reviewRequestDue: null })).toMatchObject({
      code: AppealRefusalCode.NoDeliveredReply,
    });
    expect(checkAppealWindow({ ...base, receivedAt: new Date('2026-11-20T10:00:00+08:00') })).toMatchObject({
      code: AppealRefusalCode.NoDeliveredReply,
    });
  });

  it('needs a decided review for a re-examination, inside reexam_request', () => {
    const reexam = { ...base, kind: AppealKind.Reexamination, receivedAt: new Date('2027-01-05T10:00:00+08:00') };
    expect(checkAppealWindow({ ...reexam, review: null })).toMatchObject({ code: AppealRefusalCode.ReviewNotDecided });
    expect(checkAppealWindow({ ...reexam, review: { status: 'filed', decidedAt: null, nextRequestDue: null } })).toMatchObject({
      code: AppealRefusalCode.ReviewNotDecided,
    });
    expect(checkAppealWindow({ ...reexam, review: decidedReview })).toEqual({ ok: true, windowDue: decidedReview.nextRequestDue });
    expect(checkAppealWindow({ ...reexam, receivedAt: decidedReview.nextRequestDue, review: decidedReview })).toMatchObject({
      code: AppealRefusalCode.WindowClosed,
    });
  });

  it('refuses a second appeal of a kind and anything after conclusion', () => {
    expect(checkAppealWindow({ ...base, sameKind: { status: 'filed' } })).toMatchObject({ code: AppealRefusalCode.AlreadyFiled });
    expect(checkAppealWindow({ ...base, concludedAt: new Date() })).toMatchObject({ code: AppealRefusalCode.Concluded });
  });
});
