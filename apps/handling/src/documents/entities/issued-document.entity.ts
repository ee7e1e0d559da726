import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A document as issued for a work item: its bytes are kept, so every later download is the same file. */
@Entity({ name: 'issued_documents' })
@Index('issued_documents_item_kind_uq', ['workItemId', 'kind'], { unique: true })
export class IssuedDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'work_item_id', type: 'uuid' })
  workItemId!: string;

  /** `assignment_sheet` (交办单). */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'template_id', type: 'text' })
  templateId!: string;

  @Column({ name: 'template_version', type: 'int' })
  templateVersion!: number;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'text' })
  issuedBy!: string;
}
