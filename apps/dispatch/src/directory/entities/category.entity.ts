import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category of the petition taxonomy (e.g. URBAN.DRAINAGE 城市排水). */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  /** Deactivated, never deleted: old petitions and assignments still name it. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
