import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionSource } from '@petition/contracts';

/** An urge notice (催办) sent to a unit, by the escalation ladder or by a supervisor. */
@Entity({ name: 'urges' })
export class UrgeEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'petition_id', type: 'uuid' }) petitionId!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  /** The overdue deadline that started it (ladder only). */
  @Column({ name: 'deadline_id', type: 'uuid', nullable: true }) deadlineId!: string | null;
  @Column({ type: 'text', nullable: true }) stage!: string | null;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) source!: ActionSource;
  @Column({ name: 'issued_by', type: 'text' }) issuedBy!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
}
