import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link ReviewApprovedPayload} on `petition.supervision.v1`. */
export const REVIEW_APPROVED = 'review.approved';
/** Type name of {@link ReviewReturnedPayload} on `petition.supervision.v1`. */
export const REVIEW_RETURNED = 'review.returned';

/** A supervisor approved a reply (审核通过): it goes to the petitioner, within `reply_delivery`. */
export class ReviewApprovedPayload {
  @IsUUID() reviewId!: string;
  @IsUUID() replyId!: string;
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  /** Approved at the first review of the matter (no earlier return): the quality pass rate counts it. */
  @IsBoolean() firstReview!: boolean;
  @ValidateNested() @Type(() => DeadlineRef) deliveryDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) decidedAt!: string;
}

/** A supervisor returned a reply for rework (退回重办), with the reason and a new deadline. */
export class ReviewReturnedPayload {
  @IsUUID() reviewId!: string;
  @IsUUID() replyId!: string;
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  @IsString() @Length(2, 2000) reason!: string;
  @ValidateNested() @Type(() => DeadlineRef) reworkDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) decidedAt!: string;
}
