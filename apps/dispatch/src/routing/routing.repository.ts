import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RoutingRuleEntity } from './entities/routing-rule.entity';

/** Reads routing rules. */
@Injectable()
export class RoutingRepository {
  /** Rules for a category effective at `at`, in any of the given regions or region-less. */
  candidates(manager: EntityManager, categoryCode: string, regionChain: string[], at: Date): Promise<RoutingRuleEntity[]> {
    return manager
      .getRepository(RoutingRuleEntity)
      .createQueryBuilder('r')
      .where('r.category_code = :categoryCode', { categoryCode })
      .andWhere('(r.region_code IS NULL OR r.region_code = ANY(:regions))', { regions: regionChain })
      .andWhere('r.effective_from <= :at AND (r.effective_to IS NULL OR r.effective_to > :at)', { at })
      .getMany();
  }
}
