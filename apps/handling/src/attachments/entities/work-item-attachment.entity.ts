import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file uploaded to a lead's work item, for its replies; the bytes are in the attachment storage. */
@Entity({ name: 'work_item_attachments' })
export class WorkItemAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'work_item_id', type: 'uuid' }) workItemId!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  /** bigint comes back from pg as a string; the transformer keeps it a number (≤ 50 MB). */
  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
}
