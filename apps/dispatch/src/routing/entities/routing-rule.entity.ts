import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Nature, Track } from '@petition/contracts';

/**
 * Category × region × nature → lead unit, co-handlers and track. A null region or nature matches
 * any; among matches the most specific region wins, then the highest priority. Rules are never
 * edited in place: a change ends the old rule (`effective_to`) and adds a new one, so existing
 * assignments keep the rule they were made under.
 */
@Entity({ name: 'routing_rules' })
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode!: string | null;

  @Column({ type: 'text', nullable: true })
  nature!: Nature | null;

  @Column({ name: 'lead_unit_id', type: 'uuid' })
  leadUnitId!: string;

  @Column({ name: 'co_handler_unit_ids', type: 'uuid', array: true, default: () => `'{}'` })
  coHandlerUnitIds!: string[];

  @Column({ type: 'text' })
  track!: Track;

  @Column({ type: 'text', nullable: true })
  instructions!: string | null;

  @Column({ type: 'int', default: 0 })
  priority!: number;

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ name: 'effective_to', type: 'timestamptz', nullable: true })
  effectiveTo!: Date | null;

  /** The rule this one replaced (a rule change ends the old rule and adds this one). */
  @Column({ name: 'replaces_rule_id', type: 'uuid', nullable: true })
  replacesRuleId!: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: true })
  createdAt!: Date | null;
}
