import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file attached to a petition: metadata and checksum here, bytes in the AttachmentStorage. */
@Entity({ name: 'attachments' })
@Index('attachments_petition_idx', ['petitionId', 'createdAt'])
export class AttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  /** As given by the uploader, cleaned of path parts and control characters. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  /** The type the bytes were recognised as (magic numbers), not merely the declared one. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  /** Hex SHA-256 of the bytes, checked again on every download. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  /** Staff subject, or `public` for the petitioner through the public endpoint. */
  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
