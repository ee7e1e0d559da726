import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../petitions/dto/validators';

/** `?fileName=` of an upload (the body is the file's bytes, `Content-Type` its declared type). */
export class UploadAttachmentQuery {
  @ApiProperty({ example: '现场照片.jpg' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  // No path separators or control characters: the name is only ever shown, never used as a path.
  @Matches(/^[^/\\\p{Cc}]+$/u, { message: 'fileName must not contain path separators or control characters' })
  fileName!: string;
}

/** `?reason=` of a download, written to the audit log. */
export class DownloadReasonQuery {
  @ApiProperty({ example: '核实信访人提供的证据材料' })
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason!: string;
}
