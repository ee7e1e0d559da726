import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A unit's request for more time, with the reason the petitioner is told (条例 Art. 34), and its decision. */
@Entity({ name: 'petition_extensions' })
@Index('petition_extensions_petition_idx', ['petitionId', 'requestedAt'])
export class PetitionExtensionEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ type: 'int' })
  days!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  approved!: boolean | null;

  /** The handling deadline after an approval (exclusive instant). */
  @Column({ name: 'new_due', type: 'timestamptz', nullable: true })
  newDue!: Date | null;
}
