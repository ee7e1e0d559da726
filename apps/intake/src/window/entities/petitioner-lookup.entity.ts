import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One lookup of a petitioner at the window: who asked, why, by what, and which petitions it showed. */
@Entity({ name: 'petitioner_lookups' })
@Index('petitioner_lookups_at_idx', ['at'])
export class PetitionerLookupEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'text' })
  reason!: string;

  /** `id_number`, `phone`, `name_region` or `registration_preview`; never the value itself. */
  @Column({ name: 'matched_by', type: 'text' })
  matchedBy!: string;

  @Column({ name: 'petition_ids', type: 'uuid', array: true })
  petitionIds!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
