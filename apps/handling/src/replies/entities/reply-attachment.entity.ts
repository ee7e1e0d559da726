import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A file attached to a reply: name, type, size and checksum. Either an upload to the work item
 * (`uploadId`, `storageKey` set: handling holds the bytes) or a reference only (both null: the
 * file stays in the unit's own document system).
 */
@Entity({ name: 'reply_attachments' })
export class ReplyAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'reply_id', type: 'uuid' }) replyId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  /** bigint comes back from pg as a string; the transformer keeps it a number (≤ 50 MB). */
  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text', nullable: true }) storageKey!: string | null;
  @Column({ name: 'upload_id', type: 'uuid', nullable: true }) uploadId!: string | null;
}
