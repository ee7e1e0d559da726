import type { Nature } from '@petition/contracts';
import type { RoutingRuleEntity } from './entities/routing-rule.entity';

/**
 * The rules that apply to a region chain and nature, best first: the most specific region wins
 * (分级负责), then a rule naming the nature, then priority; the id breaks ties so the order is
 * stable. Pure, for unit tests.
 */
export function rankRules(rules: RoutingRuleEntity[], chain: string[], nature: Nature): RoutingRuleEntity[] {
  const depth = (r: RoutingRuleEntity) => (r.regionCode === null ? chain.length : chain.indexOf(r.regionCode));
  const eligible = rules.filter((r) => (r.nature === null || r.nature === nature) && depth(r) >= 0);
  return eligible.sort(
    (a, b) =>
      depth(a) - depth(b) || Number(b.nature !== null) - Number(a.nature !== null) || b.priority - a.priority || a.id.localeCompare(b.id),
  );
}
