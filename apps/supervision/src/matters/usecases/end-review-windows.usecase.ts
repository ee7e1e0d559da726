import { Injectable } from '@nestjs/common';
import { REVIEW_WINDOW_ENDED, toOffsetIso, type ReviewWindowEndedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { MattersRepository } from '../matters.repository';

/**
 * Records the end of every review window (复查申请期限, `review_request`) that has ended by `now`:
 * `review_window.ended` through the outbox and the mark on the matter, in one transaction per
 * batch. Nothing else happens on the day a window ends, yet assessment needs it: only then can a
 * first-time claim count as resolved once and for all. Part of the deadline sweep, so it shares its
 * guarantees — several instances split the work (locked rows are skipped), each window is
 * recorded once, and a crash leaves the rest for the next sweep.
 */
@Injectable()
export class EndReviewWindowsUseCase {
  constructor(
    private readonly matters: MattersRepository,
    private readonly events: EventOutbox,
  ) {}

  /** Returns how many windows it recorded. */
  async execute(now: Date, batchSize: number): Promise<number> {
    let recorded = 0;
    for (;;) {
      const n = await this.matters.transaction(async (m) => {
        const rows = await this.matters.lockEndedReviewWindows(m, now, batchSize);
        for (const row of rows) {
          const payload: ReviewWindowEndedPayload = {
            petitionId: row.petitionId,
            replyId: row.deliveredReplyId as string,
            round: row.deliveredRound as number,
            deliveredAt: toOffsetIso(row.deliveredAt as Date),
            windowEnd: toOffsetIso(row.reviewRequestDue as Date),
            recordedAt: toOffsetIso(now),
          };
          await this.events.publish(m, now, { type: REVIEW_WINDOW_ENDED, petitionId: row.petitionId, payload });
        }
        await this.matters.markReviewWindowsEnded(
          m,
          rows.map((r) => r.petitionId),
          now,
        );
        return rows.length;
      });
      recorded += n;
      // A short batch: nothing else has ended, or the rest is held by another instance.
      if (n < batchSize) return recorded;
    }
  }
}
