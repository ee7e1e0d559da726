import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PETITIONER_DOCUMENT_KINDS, type PetitionerDocumentKind } from '@petition/contracts';

/** `:id` and `:kind` of `GET /api/work-items/:id/documents/petitioner/:kind`. */
export class PetitionerDocumentParams {
  @ApiProperty({ format: 'uuid', description: 'The unit’s own work item' })
  @IsUUID()
  id!: string;

  @ApiProperty({ enum: PETITIONER_DOCUMENT_KINDS })
  @IsIn(PETITIONER_DOCUMENT_KINDS, { message: `kind must be one of: ${PETITIONER_DOCUMENT_KINDS.join(', ')}` })
  kind!: PetitionerDocumentKind;
}
