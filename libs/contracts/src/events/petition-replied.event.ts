import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type name of {@link PetitionRepliedPayload} on `petition.handling.v1`. */
export const PETITION_REPLIED = 'petition.replied';

/** The outcome of a decision letter (处理意见书), 条例 Art. 32: 予以支持 / 解释说明 / 不予支持. */
export enum ReplyOutcome {
  Support = 'support',
  Explain = 'explain',
  NotSupport = 'not_support',
}

/** A file attached to a reply: stored by handling, referenced here by checksum. */
export class AttachmentRef {
  @IsUUID() attachmentId!: string;
  @IsString() @Length(1, 200) fileName!: string;
  @IsString() @Length(1, 100) contentType!: string;
  @IsInt() @Min(0) @Max(50 * 1024 * 1024) sizeBytes!: number;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

/**
 * The lead unit replied: the decision letter goes to supervision for result review (审核). `round`
 * is 1 for the first reply and grows by one after each rework, so a review names the reply it judged.
 * The letter is written for the petitioner and carries no contact data.
 */
export class PetitionRepliedPayload {
  @IsUUID() replyId!: string;
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() assignmentId!: string;
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) @Max(100) round!: number;
  @IsEnum(ReplyOutcome) outcome!: ReplyOutcome;
  /** 查明事实 */
  @IsString() @Length(1, 20000) facts!: string;
  /** 处理意见 */
  @IsString() @Length(1, 20000) decision!: string;
  /** 法律政策依据 */
  @IsString() @Length(1, 5000) legalBasis!: string;
  /** The letter as the petitioner reads it. */
  @IsString() @Length(1, 50000) text!: string;
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentRef) attachments!: AttachmentRef[];
  /** The handling deadline in force when the reply was made (extension applied; rework deadline after a rework). */
  @ValidateNested() @Type(() => DeadlineRef) handlingDeadline!: DeadlineRef;
  @IsBoolean() repliedOnTime!: boolean;
  @IsISO8601({ strict: true }) repliedAt!: string;
}
