import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ReplyOutcome, toOffsetIso } from '@petition/contracts';
import type { StoredReply } from '../replies.repository';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

const byReference = (o: ReplyAttachmentInputDto) => o.attachmentId === undefined;

/**
 * An attachment of a reply: a file uploaded to the work item (`attachmentId` from
 * `POST /api/work-items/:id/attachments`), or a reference to a file the unit keeps itself
 * (name, type, size and checksum, all required then).
 */
export class ReplyAttachmentInputDto {
  @ApiPropertyOptional({ description: 'An upload to this work item; its name, type, size and checksum are taken from it' })
  @IsOptional()
  @IsUUID()
  attachmentId?: string;

  @ApiPropertyOptional({ example: '现场勘查报告.pdf' })
  @ValidateIf(byReference)
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fileName?: string;

  @ApiPropertyOptional({ example: 'application/pdf' })
  @ValidateIf(byReference)
  @Transform(lower)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, { message: 'must be a MIME type such as application/pdf' })
  @Length(3, 100)
  contentType?: string;

  @ApiPropertyOptional({ example: 482113, maximum: 50 * 1024 * 1024 })
  @ValidateIf(byReference)
  @IsInt()
  @Min(0)
  @Max(50 * 1024 * 1024)
  sizeBytes?: number;

  @ApiPropertyOptional({
    example: 'a'.repeat(64),
    description: 'SHA-256 of the file, lower-case hex (with an upload: checked against it when given)',
  })
  @ValidateIf((o: ReplyAttachmentInputDto) => byReference(o) || o.sha256 !== undefined)
  @Transform(lower)
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' })
  sha256?: string;
}

/** Body of `POST /api/work-items/:id/reply`: the decision letter (处理意见书, 条例 Art. 32). */
export class SubmitReplyDto {
  @ApiProperty({ enum: ReplyOutcome, description: 'support 予以支持 / explain 解释说明 / not_support 不予支持' })
  @IsEnum(ReplyOutcome)
  outcome!: ReplyOutcome;

  @ApiProperty({ example: '经现场勘查，该路段雨水井堵塞属实。', description: '查明事实' })
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  facts!: string;

  @ApiProperty({ example: '已于11月25日完成疏通，并纳入月度巡查。', description: '处理意见' })
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  decision!: string;

  @ApiProperty({ example: '《城镇排水与污水处理条例》第二十八条', description: '法律政策依据' })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  legalBasis!: string;

  @ApiProperty({ example: '您反映的问题已处理完毕……', description: 'The letter as the petitioner reads it (no contact data)' })
  @Transform(trim)
  @IsString()
  @Length(1, 50000)
  text!: string;

  @ApiProperty({ type: [ReplyAttachmentInputDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReplyAttachmentInputDto)
  attachments!: ReplyAttachmentInputDto[];
}

/** A deadline as fixed when its step started. */
export class DeadlineRefView {
  @ApiProperty() stage!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() due!: string;
  @ApiProperty() ruleSet!: string;
  @ApiProperty() provisional!: boolean;
}

export class ReplyAttachmentView {
  @ApiProperty() attachmentId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'True for an upload handling holds; false for a reference to a file the unit keeps' }) stored!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The upload, for GET /api/work-items/:id/attachments/:uploadId/content' })
  uploadId!: string | null;
}

/** A reply as its unit sees it. */
export class ReplyView {
  @ApiProperty() id!: string;
  @ApiProperty() workItemId!: string;
  @ApiProperty({ description: '1 for the first reply, +1 after each rework' }) round!: number;
  @ApiProperty({ enum: ReplyOutcome }) outcome!: ReplyOutcome;
  @ApiProperty() facts!: string;
  @ApiProperty() decision!: string;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [ReplyAttachmentView] }) attachments!: ReplyAttachmentView[];
  @ApiProperty({
    type: DeadlineRefView,
    description: 'The deadline in force when replying (extension applied; the rework deadline after a rework)',
  })
  handlingDeadline!: DeadlineRefView;
  @ApiProperty() repliedOnTime!: boolean;
  @ApiProperty() repliedBy!: string;
  @ApiProperty() repliedAt!: string;

  static from({ reply: r, attachments }: StoredReply): ReplyView {
    return {
      id: r.id,
      workItemId: r.workItemId,
      round: r.round,
      outcome: r.outcome,
      facts: r.facts,
      decision: r.decision,
      legalBasis: r.legalBasis,
      text: r.text,
      attachments: attachments.map((a) => ({
        attachmentId: a.id,
        fileName: a.fileName,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        stored: a.storageKey !== null,
        uploadId: a.uploadId,
      })),
      handlingDeadline: r.handlingDeadline,
      repliedOnTime: r.repliedOnTime,
      repliedBy: r.repliedBy,
      repliedAt: toOffsetIso(r.repliedAt),
    };
  }
}
