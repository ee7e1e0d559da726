import 'reflect-metadata';
import { IsISO8601, IsInt, IsUUID, Max, Min } from 'class-validator';

/** Type name of {@link ReviewWindowEndedPayload} on `petition.supervision.v1`. */
export const REVIEW_WINDOW_ENDED = 'review_window.ended';

/**
 * The petitioner's 30-day window to request a review (复查, `review_request`, 条例 Art. 35) of a
 * delivered reply has ended. Nothing else happens on that day, so supervision's deadline sweep
 * records it: until then a first-time claim cannot yet count as resolved once and for all
 * (一次性化解), because a review request or a repeat petition may still come.
 */
export class ReviewWindowEndedPayload {
  @IsUUID() petitionId!: string;
  /** The delivered reply whose window ended, and its round. */
  @IsUUID() replyId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  @IsISO8601({ strict: true }) deliveredAt!: string;
  /** The window's end (`review_request` due, exclusive). */
  @IsISO8601({ strict: true }) windowEnd!: string;
  /** When the sweep recorded it (at or after `windowEnd`). */
  @IsISO8601({ strict: true }) recordedAt!: string;
}
