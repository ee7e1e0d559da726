import { AppealKind, toOffsetIso } from '@petition/contracts';

/** Why an appeal request is refused at the door; stable codes shown to staff and stored with the request. */
export enum AppealRefusalCode {
  NoDeliveredReply = 'APPEAL_NO_DELIVERED_REPLY',
  ReviewNotDecided = 'APPEAL_REVIEW_NOT_DECIDED',
  AlreadyFiled = 'APPEAL_ALREADY_FILED',
  WindowClosed = 'APPEAL_WINDOW_CLOSED',
  Concluded = 'APPEAL_MATTER_CONCLUDED',
}

/** What the window check needs to know about the matter. */
export interface AppealWindowFacts {
  kind: AppealKind;
  receivedAt: Date;
  /** Null when supervision never saw a reply of the petition. */
  deliveredAt: Date | null;
  /** `review_request` due instant from the delivery. */
  reviewRequestDue: Date | null;
  concludedAt: Date | null;
  /** The live (filed or decided) appeal of the same kind, if any. */
  sameKind: { status: string } | null;
  /** The live review appeal, for a re-examination. */
  review: { status: string; decidedAt: Date | null; nextRequestDue: Date | null } | null;
}

/** The outcome of {@link checkAppealWindow}. */
export type AppealWindowResult = { ok: true; windowDue: Date } | { ok: false; code: AppealRefusalCode; reason: string };

/**
 * Decides whether a review (复查, within `review_request` of the delivery, 条例 Art. 35) or a
 * re-examination (复核, within `reexam_request` of the review decision, Art. 36) may be filed.
 * A due instant is exclusive: a request received at it is late. Pure, so it is unit-tested alone.
 */
export function checkAppealWindow(f: AppealWindowFacts): AppealWindowResult {
  if (f.concludedAt) return refuse(AppealRefusalCode.Concluded, 'the matter is concluded after re-examination (条例 Art. 36)');
  if (f.sameKind) return refuse(AppealRefusalCode.AlreadyFiled, `a ${f.kind} of this matter was already filed (${f.sameKind.status})`);
  if (f.kind === AppealKind.Review) {
    if (!f.deliveredAt || !f.reviewRequestDue || f.receivedAt < f.deliveredAt)
      return refuse(AppealRefusalCode.NoDeliveredReply, 'no reply had been delivered when the request was received');
    if (f.receivedAt >= f.reviewRequestDue)
      return refuse(
        AppealRefusalCode.WindowClosed,
        `the review window (review_request, 30 days from delivery) closed at ${toOffsetIso(f.reviewRequestDue)}`,
      );
    return { ok: true, windowDue: f.reviewRequestDue };
  }
  const review = f.review;
  if (!review || review.status !== 'decided' || !review.decidedAt || !review.nextRequestDue || f.receivedAt < review.decidedAt) {
    return refuse(AppealRefusalCode.ReviewNotDecided, 'a re-examination needs a decided review (条例 Art. 36)');
  }
  if (f.receivedAt >= review.nextRequestDue) {
    return refuse(
      AppealRefusalCode.WindowClosed,
      `the re-examination window (reexam_request, 30 days from the review decision) closed at ${toOffsetIso(review.nextRequestDue)}`,
    );
  }
  return { ok: true, windowDue: review.nextRequestDue };
}

function refuse(code: AppealRefusalCode, reason: string): AppealWindowResult {
  return { ok: false, code, reason };
}
