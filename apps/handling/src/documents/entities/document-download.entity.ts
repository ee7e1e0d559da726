import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One download of an issued document: who, from which unit, when, why. */
@Entity({ name: 'document_downloads' })
@Index('document_downloads_item_idx', ['workItemId', 'at'])
export class DocumentDownloadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'work_item_id', type: 'uuid' })
  workItemId!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_unit_id', type: 'uuid', nullable: true })
  actorUnitId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
