import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Channel, Nature, PetitionStatus } from '@petition/contracts';

/** A registered petition (信访事项). The petitioner's name is stored encrypted, plus a masked copy for lists. */
@Entity({ name: 'petitions' })
@Index('petitions_registered_at_idx', ['registeredAt', 'id'])
export class PetitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('petitions_tracking_no_uq', { unique: true })
  @Column({ name: 'tracking_no', type: 'text' })
  trackingNo!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  nature!: Nature;

  @Column({ type: 'text' })
  status!: PetitionStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** Pseudonymous id of the petitioner, the only identity that leaves this service. */
  @Column({ name: 'petitioner_ref', type: 'text' })
  petitionerRef!: string;

  /** `<keyId>:<ciphertext>`, see PiiCipher. */
  @Column({ name: 'petitioner_name_enc', type: 'text' })
  petitionerNameEnc!: string;

  @Column({ name: 'petitioner_name_masked', type: 'text' })
  petitionerNameMasked!: string;

  @Column({ type: 'int', default: 1 })
  headcount!: number;

  @Column({ type: 'boolean', default: false })
  emergency!: boolean;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
