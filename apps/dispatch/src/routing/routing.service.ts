import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Nature, Track } from '@petition/contracts';
import type { RoutingRuleEntity } from './entities/routing-rule.entity';
import { rankRules } from './rank-rules';
import { regionChain } from './region-chain';
import type { CandidateCause, CandidateVerdict, RoutablePetition, RoutingDecision, RoutingEvaluation } from './routing-decision';
import { RoutingRepository } from './routing.repository';

export type { RoutingDecision } from './routing-decision';

/** Leaders look at these before anything is assigned (collective petitions: 5 or more people). */
export const COLLECTIVE_HEADCOUNT = 5;

/** Accusations go to discipline inspection whatever their subject (条例 Art. 30); their rules live under this category. */
export const ACCUSATION_CATEGORY = 'DISCIPLINE.OFFICIALS';

/**
 * Picks the route of a petition from the rule table: among rules of its category effective now
 * whose region is the petition's region or an ancestor (or none) and whose nature matches (or is
 * unset), the most specific region wins, then a rule naming the nature, then priority. A rule is
 * skipped when it would reach the accused unit (条例 Art. 30), a unit that already returned the
 * matter, or a deactivated lead; the next one is tried. Emergencies and collective petitions go
 * to the manual queue for leaders.
 */
@Injectable()
export class RoutingService {
  constructor(private readonly rules: RoutingRepository) {}

  async route(manager: EntityManager, petition: RoutablePetition, at: Date, excludeUnitIds: string[] = []): Promise<RoutingDecision> {
    return (await this.evaluate(manager, petition, at, excludeUnitIds)).decision;
  }

  /** The decision with its working, for `POST /api/routing/explain` and for routing itself. */
  async evaluate(manager: EntityManager, petition: RoutablePetition, at: Date, excludeUnitIds: string[] = []): Promise<RoutingEvaluation> {
    const chain = regionChain(petition.regionCode);
    const categoryCode = petition.nature === Nature.Accusation ? ACCUSATION_CATEGORY : petition.categoryCode;
    const rules = await this.rules.candidates(manager, categoryCode, chain, at);
    const inactive = new Set(rules.flatMap((r) => r.inactiveUnitIds));
    const ranked = rankRules(rules, chain, petition.nature);
    const verdicts: CandidateVerdict[] = rules
      .filter((r) => !ranked.includes(r))
      .map((r) => ({
        rule: summary(r),
        outcome: 'not_applicable',
        cause: 'nature_mismatch',
        reason: `rule is for nature ${r.nature ?? '*'}, petition is ${petition.nature}`,
      }));
    let winner: RoutingRuleEntity | null = null;
    let accusedBlocked = false;
    for (const [i, r] of ranked.entries()) {
      const exclusion = this.exclusion(r, petition, excludeUnitIds, inactive);
      if (exclusion) {
        accusedBlocked ||= exclusion.accused;
        verdicts.push({ rule: summary(r), outcome: 'excluded', cause: exclusion.cause, reason: exclusion.reason });
      } else if (!winner) {
        winner = r;
        verdicts.push({ rule: summary(r), outcome: 'winner', cause: 'best_match', reason: winReason(r, chain, i) });
      } else {
        verdicts.push({
          rule: summary(r),
          outcome: 'outranked',
          cause: 'outranked',
          reason: `ranked below ${winner.id} (region more specific first, then a rule naming the nature, then priority)`,
        });
      }
    }
    const decision = this.decide(petition, categoryCode, winner, inactive, accusedBlocked);
    const reason = decision.kind === 'assign' ? (verdicts.find((v) => v.outcome === 'winner')?.reason ?? '') : decision.reason;
    return { categoryCode, regionChain: chain, candidates: verdicts, decision, reason };
  }

  private decide(
    petition: RoutablePetition,
    categoryCode: string,
    winner: RoutingRuleEntity | null,
    inactive: Set<string>,
    accusedBlocked: boolean,
  ): RoutingDecision {
    // Leaders' flags win over any rule: a dispatcher and a leader look first (条例 Art. 22 and local practice).
    if (petition.emergency) return { kind: 'queue', reasonKind: 'emergency', reason: 'emergency: flagged for leaders (紧急信息)' };
    if (petition.headcount >= COLLECTIVE_HEADCOUNT)
      return {
        kind: 'queue',
        reasonKind: 'collective',
        reason: `collective petition of ${petition.headcount}: flagged for leaders (集体访)`,
      };
    if (!winner && accusedBlocked)
      return {
        kind: 'queue',
        reasonKind: 'accused_unit',
        reason: 'every matching rule would send the accusation to the accused unit (条例 Art. 30)',
      };
    if (!winner)
      return {
        kind: 'queue',
        reasonKind: 'no_rule',
        reason: `no usable routing rule for category ${categoryCode} in region ${petition.regionCode}`,
      };
    const track = petition.nature === Nature.Suggestion ? Track.Suggestion : winner.track;
    const coHandlerUnitIds = winner.coHandlerUnitIds.filter((u) => !inactive.has(u));
    return { kind: 'assign', leadUnitId: winner.leadUnitId, coHandlerUnitIds, track, instructions: winner.instructions, ruleId: winner.id };
  }

  private exclusion(
    r: RoutingRuleEntity,
    petition: RoutablePetition,
    excludeUnitIds: string[],
    inactive: Set<string>,
  ): { reason: string; cause: CandidateCause; accused: boolean } | null {
    const accused = petition.nature === Nature.Accusation ? (petition.accusedUnitId ?? null) : null;
    if (accused && (r.leadUnitId === accused || r.coHandlerUnitIds.includes(accused))) {
      return { reason: 'would send the accusation to the accused unit (条例 Art. 30)', cause: 'accused_unit', accused: true };
    }
    if (excludeUnitIds.includes(r.leadUnitId))
      return { reason: 'the lead unit already returned this matter as misrouted', cause: 'already_returned', accused: false };
    if (inactive.has(r.leadUnitId)) return { reason: 'the lead unit is deactivated', cause: 'lead_inactive', accused: false };
    return null;
  }
}

/** The best rule for a region chain and nature, or null. Pure, for unit tests. */
export function pickRule(rules: RoutingRuleEntity[], chain: string[], nature: Nature): RoutingRuleEntity | null {
  return rankRules(rules, chain, nature)[0] ?? null;
}

function summary(r: RoutingRuleEntity): CandidateVerdict['rule'] {
  return {
    id: r.id,
    categoryCode: r.categoryCode,
    regionCode: r.regionCode,
    nature: r.nature,
    leadUnitId: r.leadUnitId,
    coHandlerUnitIds: r.coHandlerUnitIds,
    track: r.track,
    priority: r.priority,
  };
}

function winReason(r: RoutingRuleEntity, chain: string[], rank: number): string {
  const level =
    r.regionCode === null
      ? 'a region-less rule'
      : r.regionCode === chain[0]
        ? `the petition's own region ${r.regionCode}`
        : `ancestor region ${r.regionCode} (fallback along ${chain.join(' → ')})`;
  const skipped = rank > 0 ? `, after ${rank} better-ranked rule(s) were excluded` : '';
  return `most specific applicable rule: ${level}${r.nature ? `, nature ${r.nature}` : ''}, priority ${r.priority}${skipped}`;
}
