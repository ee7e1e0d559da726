import type { StatutoryCap } from './stage-catalogue.data';
import type { PeriodKind, StageId } from './stage-id';

/** A period: how it is counted and how long it is. */
export interface PeriodLimit {
  readonly kind: PeriodKind;
  /** Positive integer in units of `kind`. */
  readonly limit: number;
}

/**
 * When a deadline turns to `warning`: when `fractionLeft` of the period is left, or
 * `workingDaysLeft` working days are left, whichever comes first (docs/rules.md defaults 0.2 and 2).
 * The working-day threshold does not apply to hour periods, which run around the clock.
 */
export interface WarningPolicy {
  /** Share of the period left, 0 < x < 1. */
  readonly fractionLeft: number;
  /** Working days left (0 disables this threshold). */
  readonly workingDaysLeft: number;
}

/**
 * Escalation ladder, in working days overdue (see `Deadline.overdueBy`): an urge notice (催办)
 * on the first working day after the deadline, a supervision order (督办单) at 5, flagged
 * supervision (挂牌督办) at 20 by default.
 */
export interface EscalationLadder {
  readonly urge: number;
  readonly supervisionOrder: number;
  readonly flaggedSupervision: number;
}

/** A stage of a rule set, as written in a rule-set file. With `extends`, every field is optional. */
export interface StageRuleInput {
  readonly kind?: PeriodKind;
  readonly limit?: number;
  /** Urgent variant (e.g. 24 hours for first contact), or null for none. */
  readonly urgent?: PeriodLimit | null;
  /** True when the unit head may extend it once (Art. 34), by up to the `extension` stage's limit. */
  readonly extendable?: boolean;
  /** True when the clock may be paused (hearing time, Art. 36). */
  readonly pausable?: boolean;
  /** Stage-specific warning thresholds; missing fields fall back to the rule set's. */
  readonly warning?: Partial<WarningPolicy>;
}

/** A rule set as data: what a city file contains, and what `RuleSet.toJSON()` returns. */
export interface RuleSetInput {
  /** Lower-case id, e.g. `default` or `shenzhen`. */
  readonly id: string;
  /** Version of this id, e.g. `2022.1`. Together: `default@2022.1`. */
  readonly version: string;
  /** `default@2022.1` to inherit every stage and setting not given here. */
  readonly extends?: string;
  readonly name?: string;
  readonly description?: string;
  readonly warning?: Partial<WarningPolicy>;
  readonly escalation?: Partial<EscalationLadder>;
  /** Stage id → stage rule. Without `extends` every stage must be present. */
  readonly stages: Readonly<Partial<Record<string, StageRuleInput>>>;
}

/** A validated stage rule with everything a deadline needs. */
export interface StageRule {
  readonly stage: StageId;
  readonly title: string;
  readonly titleZh: string;
  readonly clockStartsAt: string;
  readonly kind: PeriodKind;
  readonly limit: number;
  readonly urgent: PeriodLimit | null;
  /** From the law (code), never from the rule-set file. */
  readonly statutoryCap: StatutoryCap | null;
  readonly extendable: boolean;
  readonly pausable: boolean;
  readonly warning: WarningPolicy;
}
