import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A document as issued: its bytes are kept, so every later download is the same file. */
@Entity({ name: 'issued_documents' })
@Index('issued_documents_subject_uq', ['petitionId', 'kind', 'subject'], { unique: true })
export class IssuedDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** What it is about within its kind: the reply or appeal it states, or the decision's own name. */
  @Column({ type: 'text' })
  subject!: string;

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
