import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One read of a petitioner's full contact data: who, when, why, what. */
@Entity({ name: 'contact_access_log' })
@Index('contact_access_log_petition_idx', ['petitionId', 'at'])
export class ContactAccessEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_unit_id', type: 'text', nullable: true })
  actorUnitId!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', array: true })
  fields!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
