import type { Nature, Track } from '@petition/contracts';
import type { QueueReasonKind } from '../queue/queue-reason';

/** Where routing sends a petition: to units, or to the dispatcher's queue with the reason. */
export type RoutingDecision =
  | { kind: 'assign'; leadUnitId: string; coHandlerUnitIds: string[]; track: Track; instructions: string | null; ruleId: string | null }
  | { kind: 'queue'; reason: string; reasonKind: QueueReasonKind };

/** How one candidate rule fared. */
export type CandidateOutcome = 'winner' | 'outranked' | 'excluded' | 'not_applicable';

/**
 * Why a candidate fared as it did, as a stable code (the console words it; `reason` is the engine's
 * own sentence for logs and the API's readers).
 */
export const CANDIDATE_CAUSES = [
  'best_match',
  'outranked',
  'nature_mismatch',
  'accused_unit',
  'already_returned',
  'lead_inactive',
] as const;
export type CandidateCause = (typeof CANDIDATE_CAUSES)[number];

/** One rule routing looked at, and why it won or lost. */
export interface CandidateVerdict {
  rule: {
    id: string;
    categoryCode: string;
    regionCode: string | null;
    nature: Nature | null;
    leadUnitId: string;
    coHandlerUnitIds: string[];
    track: Track;
    priority: number;
  };
  outcome: CandidateOutcome;
  cause: CandidateCause;
  reason: string;
}

/** A routing decision with its working: the category and region chain used and every candidate. */
export interface RoutingEvaluation {
  categoryCode: string;
  regionChain: string[];
  candidates: CandidateVerdict[];
  decision: RoutingDecision;
  reason: string;
}

/** What routing needs to know about a petition (the `petition.registered` fields it reads). */
export interface RoutablePetition {
  nature: Nature;
  categoryCode: string;
  regionCode: string;
  headcount: number;
  emergency: boolean;
  accusedUnitId?: string | null;
}
