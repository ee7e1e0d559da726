import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One download of an issued document: who, when, why. */
@Entity({ name: 'document_downloads' })
@Index('document_downloads_petition_idx', ['petitionId', 'at'])
export class DocumentDownloadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  /** A staff account, or `petitioner` for the public side. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_unit_id', type: 'text', nullable: true })
  actorUnitId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
