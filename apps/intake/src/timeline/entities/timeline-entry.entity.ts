import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of a petition as the petitioner may see it: no PII, no internal notes. */
@Entity({ name: 'petition_timeline' })
@Index('petition_timeline_petition_idx', ['petitionId', 'at', 'seq'])
export class TimelineEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Insertion order, for steps recorded in the same instant. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** Text written for the petitioner (e.g. the proper channel); never a clerk's internal note. */
  @Column({ name: 'public_note', type: 'text', nullable: true })
  publicNote!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
