import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '@petition/contracts';

/** An administrative division (市 / 区 / 街道 / 社区) by its division code. */
@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: UnitLevel;

  @Index('regions_parent_idx')
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  /** Deactivated, never deleted: old petitions and assignments still name it. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
