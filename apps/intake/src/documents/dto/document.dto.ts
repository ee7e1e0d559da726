import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { trim } from '../../petitions/dto/validators';
import { PETITIONER_DOCUMENT_KINDS, type PetitionerDocumentKind } from '@petition/contracts';

const KIND_MESSAGE = `kind must be one of: ${PETITIONER_DOCUMENT_KINDS.join(', ')}`;

/** `:id/documents/:kind`: a petition and one of its document kinds. */
export class DocumentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a petition id (UUID)' })
  id!: string;

  @ApiProperty({ enum: PETITIONER_DOCUMENT_KINDS })
  @IsIn(PETITIONER_DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind!: PetitionerDocumentKind;
}

/** Body of `POST /api/public/petitions/documents`: the petitioner's own document, the query code in the body. */
export class PublicDocumentDto {
  @ApiProperty({ example: '440106-20261122-000001' })
  @IsString()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: 'trackingNo must be a tracking number such as 440106-20261122-000001' })
  trackingNo!: string;

  @ApiProperty({ example: 'K7M2Q9XP' })
  @IsString()
  @Matches(/^[2-9A-HJ-NP-Z]{8}$/, { message: 'queryCode must be the 8-character code given at registration' })
  queryCode!: string;

  @ApiProperty({ enum: PETITIONER_DOCUMENT_KINDS })
  @IsIn(PETITIONER_DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind!: PetitionerDocumentKind;
}

/** `?reason=` of a staff download, written to the download log. */
export class DocumentReasonQuery {
  @ApiProperty({ example: '当面送达信访人' })
  @Transform(trim)
  @IsString()
  @Length(4, 500)
  reason!: string;
}

/** A document of a petition: issuable now, and whether and how it was issued. */
export class PetitionDocumentView {
  @ApiProperty({ enum: PETITIONER_DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ example: '受理告知书' }) title!: string;
  @ApiProperty({ description: 'What it states within its kind (a reply or appeal id, or the decision)' }) subject!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When it was first issued; null until its first download' }) issuedAt!:
    string | null;
  @ApiProperty({ nullable: true, type: Number }) templateVersion!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the issued file' }) sha256!: string | null;
}
