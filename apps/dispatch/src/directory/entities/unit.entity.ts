import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitKind, UnitLevel } from '@petition/contracts';

/** A unit that handles petitions: a department, a territorial government, discipline inspection… */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('units_code_uq', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: UnitLevel;

  @Column({ type: 'text' })
  kind!: UnitKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'region_codes', type: 'text', array: true })
  regionCodes!: string[];

  @Column({ name: 'category_codes', type: 'text', array: true })
  categoryCodes!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
