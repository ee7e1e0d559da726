import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Nature, Track, type PetitionRegisteredPayload } from '@petition/contracts';
import type { RoutingRuleEntity } from './entities/routing-rule.entity';
import { regionChain } from './region-chain';
import { RoutingRepository } from './routing.repository';

/** Where routing sends a petition: to units, or to the dispatcher's queue with the reason. */
export type RoutingDecision =
  | { kind: 'assign'; leadUnitId: string; coHandlerUnitIds: string[]; track: Track; instructions: string | null; ruleId: string }
  | { kind: 'queue'; reason: string };

/** Leaders look at these before anything is assigned (collective petitions: 5 or more people). */
const COLLECTIVE_HEADCOUNT = 5;

/** Accusations go to discipline inspection whatever their subject (条例 Art. 30); their rules live under this category. */
export const ACCUSATION_CATEGORY = 'DISCIPLINE.OFFICIALS';

/**
 * Picks the route of a petition from the rule table: among rules of its category effective now
 * whose region is the petition's region or an ancestor (or none) and whose nature matches (or is
 * unset), the most specific region wins, then a rule naming the nature, then priority.
 * Emergencies and collective petitions go to the manual queue for leaders. An accusation is never
 * routed to the unit it accuses.
 */
@Injectable()
export class RoutingService {
  constructor(private readonly rules: RoutingRepository) {}

  async route(manager: EntityManager, petition: PetitionRegisteredPayload, at: Date): Promise<RoutingDecision> {
    if (petition.emergency) return { kind: 'queue', reason: 'emergency: flagged for leaders (紧急信息)' };
    if (petition.headcount >= COLLECTIVE_HEADCOUNT) return { kind: 'queue', reason: `collective petition of ${petition.headcount}: flagged for leaders (集体访)` };
    const chain = regionChain(petition.regionCode);
    const category = petition.nature === Nature.Accusation ? ACCUSATION_CATEGORY : petition.categoryCode;
    const candidates = await this.rules.candidates(manager, category, chain, at);
    const best = pickRule(candidates, chain, petition.nature);
    if (!best) return { kind: 'queue', reason: `no routing rule for category ${category} in region ${petition.regionCode}` };
    if (petition.nature === Nature.Accusation && petition.accusedUnitId && (best.leadUnitId === petition.accusedUnitId || best.coHandlerUnitIds.includes(petition.accusedUnitId))) {
      return { kind: 'queue', reason: 'the matching rule would send an accusation to the accused unit (条例 Art. 30)' };
    }
    const track = petition.nature === Nature.Suggestion ? Track.Suggestion : best.track;
    return { kind: 'assign', leadUnitId: best.leadUnitId, coHandlerUnitIds: best.coHandlerUnitIds, track, instructions: best.instructions, ruleId: best.id };
  }
}

/** The best rule for a region chain and nature, or null. Pure, for unit tests. */
export function pickRule(rules: RoutingRuleEntity[], chain: string[], nature: Nature): RoutingRuleEntity | null {
  const depth = (r: RoutingRuleEntity) => (r.regionCode === null ? chain.length : chain.indexOf(r.regionCode));
  const eligible = rules.filter((r) => (r.nature === null || r.nature === nature) && depth(r) >= 0);
  eligible.sort((a, b) => depth(a) - depth(b) || Number(b.nature !== null) - Number(a.nature !== null) || b.priority - a.priority || a.id.localeCompare(b.id));
  return eligible[0] ?? null;
}
