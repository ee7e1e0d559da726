import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { toOffsetIso } from '@petition/contracts';
import type { WorkItemAttachmentEntity } from '../entities/work-item-attachment.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `?fileName=` of an upload; the body is the file's bytes, its type the request's Content-Type. */
export class UploadAttachmentQuery {
  @ApiProperty({ example: '现场勘查报告.pdf' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fileName!: string;
}

/** An uploaded attachment: reference it by `attachmentId` in a reply. */
export class UploadedAttachmentView {
  @ApiProperty() attachmentId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes received, lower-case hex' }) sha256!: string;
  @ApiProperty() uploadedAt!: string;

  static from(a: WorkItemAttachmentEntity): UploadedAttachmentView {
    return {
      attachmentId: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: toOffsetIso(a.uploadedAt),
    };
  }
}
