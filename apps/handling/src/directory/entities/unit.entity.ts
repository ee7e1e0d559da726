import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit as the directory last described it: what handling needs to name it on a document. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
