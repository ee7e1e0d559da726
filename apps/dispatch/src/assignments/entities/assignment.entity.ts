import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Nature, Track } from '@petition/contracts';

/** An assignment (交办单): the bureau's order to a lead unit and co-handlers, with its acceptance deadline. */
@Entity({ name: 'assignments' })
@Index('assignments_petition_idx', ['petitionId'])
export class AssignmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'petition_id', type: 'uuid' })
  petitionId!: string;

  @Column({ name: 'tracking_no', type: 'text' })
  trackingNo!: string;

  @Column({ name: 'lead_unit_id', type: 'uuid' })
  leadUnitId!: string;

  @Column({ name: 'co_handler_unit_ids', type: 'uuid', array: true })
  coHandlerUnitIds!: string[];

  @Column({ type: 'text' })
  track!: Track;

  @Column({ type: 'text' })
  nature!: Nature;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'petitioner_name_masked', type: 'text' })
  petitionerNameMasked!: string;

  @Column({ type: 'text', nullable: true })
  instructions!: string | null;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  /** `active` until returned and re-dispatched. At most one active assignment per petition. */
  @Column({ type: 'text' })
  status!: 'active' | 'returned';

  @Column({ name: 'accept_due', type: 'timestamptz' })
  acceptDue!: Date;

  @Column({ name: 'accept_rule_set', type: 'text' })
  acceptRuleSet!: string;

  @Column({ name: 'accept_provisional', type: 'boolean' })
  acceptProvisional!: boolean;

  /** `unit_return` window, fixed at assignment; null only on rows from before returns existed. */
  @Column({ name: 'return_due', type: 'timestamptz', nullable: true })
  returnDue!: Date | null;

  @Column({ name: 'return_rule_set', type: 'text', nullable: true })
  returnRuleSet!: string | null;

  /** The handling stage the track picks; its deadline starts at acceptance, in handling. */
  @Column({ name: 'handling_stage', type: 'text', nullable: true })
  handlingStage!: string | null;

  /** The `petition.registered` payload (no PII), kept so a confirmed return can be re-dispatched. */
  @Column({ type: 'jsonb', nullable: true })
  petition!: Record<string, string | number | boolean | null> | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'assigned_by', type: 'text' })
  assignedBy!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}
