import { ApiProperty } from '@nestjs/swagger';
import { toOffsetIso } from '@petition/contracts';
import type { AttachmentEntity } from '../entities/attachment.entity';

/** An attachment's metadata. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty({ example: '现场照片.jpg' }) fileName!: string;
  @ApiProperty({ example: 'image/jpeg', description: 'The type recognised from the bytes' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) sha256!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ example: '2026-11-22T09:30:00+08:00' }) createdAt!: string;

  static from(a: AttachmentEntity): AttachmentView {
    return {
      id: a.id,
      petitionId: a.petitionId,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedBy: a.uploadedBy,
      createdAt: toOffsetIso(a.createdAt),
    };
  }
}
