import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Nature, Track } from '@petition/contracts';
import { UnitEntity } from '../directory/entities/unit.entity';
import { RoutingRuleEntity } from './entities/routing-rule.entity';

/** A row of the candidate query. */
interface CandidateRow {
  id: string;
  category_code: string;
  region_code: string | null;
  nature: Nature | null;
  lead_unit_id: string;
  co_handler_unit_ids: string[];
  track: Track;
  instructions: string | null;
  priority: number;
  effective_from: Date;
  effective_to: Date | null;
  replaces_rule_id: string | null;
  created_by: string | null;
  created_at: Date | null;
  inactive: string[];
}

/** Filters of the rule list. */
export interface RuleFilter {
  categoryCode?: string;
  regionCode?: string;
  leadUnitId?: string;
  /** Only rules in force at this instant. */
  effectiveAt?: Date;
}

/** Reads and writes routing rules. */
@Injectable()
export class RoutingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Rules for a category effective at `at`, in any of the given regions or region-less, each
   * with the ids of its units that are deactivated — one round trip, since this runs for every
   * registered petition.
   */
  async candidates(
    manager: EntityManager,
    categoryCode: string,
    regionChain: string[],
    at: Date,
  ): Promise<Array<RoutingRuleEntity & { inactiveUnitIds: string[] }>> {
    const rows: CandidateRow[] = await manager.query(
      `SELECT r.id, r.category_code, r.region_code, r.nature, r.lead_unit_id, r.co_handler_unit_ids, r.track, r.instructions, r.priority,
              r.effective_from, r.effective_to, r.replaces_rule_id, r.created_by, r.created_at,
              ARRAY(SELECT u.id FROM units u WHERE NOT u.active AND (u.id = r.lead_unit_id OR u.id = ANY(r.co_handler_unit_ids))) AS inactive
         FROM routing_rules r
        WHERE r.category_code = $1 AND (r.region_code IS NULL OR r.region_code = ANY($2::text[]))
          AND r.effective_from <= $3 AND (r.effective_to IS NULL OR r.effective_to > $3)`,
      [categoryCode, regionChain, at],
    );
    return rows.map((r) =>
      Object.assign(new RoutingRuleEntity(), {
        id: r.id,
        categoryCode: r.category_code,
        regionCode: r.region_code,
        nature: r.nature,
        leadUnitId: r.lead_unit_id,
        coHandlerUnitIds: r.co_handler_unit_ids,
        track: r.track,
        instructions: r.instructions,
        priority: r.priority,
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
        replacesRuleId: r.replaces_rule_id,
        createdBy: r.created_by,
        createdAt: r.created_at,
        inactiveUnitIds: r.inactive,
      }),
    );
  }

  /** The units by id, for names in explanations and rule validation. */
  units(manager: EntityManager, unitIds: string[]): Promise<UnitEntity[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids: unitIds }).getMany();
  }

  async categoryActive(manager: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM categories WHERE code = $1 AND active`, [code]);
    return rows.length > 0;
  }

  async regionActive(manager: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM regions WHERE code = $1 AND active`, [code]);
    return rows.length > 0;
  }

  /** The rule, locked for a change in this transaction. */
  lockRule(manager: EntityManager, id: string): Promise<RoutingRuleEntity | null> {
    return manager
      .getRepository(RoutingRuleEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async insertRule(manager: EntityManager, rule: RoutingRuleEntity): Promise<void> {
    await manager.insert(RoutingRuleEntity, rule);
  }

  async endRule(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(RoutingRuleEntity, { id }, { effectiveTo: at });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Rules ordered by category, region, effective date; keyset after (category, id). */
  list(filter: RuleFilter, limit: number, after: { categoryCode: string; id: string } | null): Promise<RoutingRuleEntity[]> {
    const qb = this.dataSource
      .getRepository(RoutingRuleEntity)
      .createQueryBuilder('r')
      .orderBy('r.category_code')
      .addOrderBy('r.id')
      .limit(limit);
    if (filter.categoryCode) qb.andWhere('r.category_code = :c', { c: filter.categoryCode });
    if (filter.regionCode) qb.andWhere('r.region_code = :g', { g: filter.regionCode });
    if (filter.leadUnitId) qb.andWhere('r.lead_unit_id = :l', { l: filter.leadUnitId });
    if (filter.effectiveAt)
      qb.andWhere('r.effective_from <= :at AND (r.effective_to IS NULL OR r.effective_to > :at)', { at: filter.effectiveAt });
    if (after) qb.andWhere('(r.category_code, r.id) > (:ac, :ai)', { ac: after.categoryCode, ai: after.id });
    return qb.getMany();
  }
}
