import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link ReplyDeliveredPayload} on `petition.supervision.v1`. */
export const REPLY_DELIVERED = 'reply.delivered';

/** The approved reply reached the petitioner (反馈): callback and the review window start now. */
export class ReplyDeliveredPayload {
  @IsUUID() replyId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  @ValidateNested() @Type(() => DeadlineRef) callbackDeadline!: DeadlineRef;
  /** `review_request`: the petitioner may ask for a review (复查) until then (条例 Art. 35). */
  @ValidateNested() @Type(() => DeadlineRef) reviewRequestDeadline!: DeadlineRef;
  @IsISO8601({ strict: true }) deliveredAt!: string;
}
