import { DeadlinesError, DeadlinesErrorCode } from '../deadlines.errors';
import { STAGE_IDS } from './stage-id';
import type { StageId } from './stage-id';
import type { EscalationLadder, RuleSetInput, StageRule, StageRuleInput, WarningPolicy } from './rule-set.types';

/**
 * A validated, immutable, versioned rule set. Build it with `defaultRuleSet()` or
 * `loadRuleSet()`; the constructor trusts its input.
 */
export class RuleSet {
  /** Lower-case id, e.g. `default`. */
  readonly id: string;
  /** Version, e.g. `2022.1`. */
  readonly version: string;
  /** `id@version`, e.g. `default@2022.1`: what every deadline records. */
  readonly ref: string;
  readonly name: string | null;
  readonly description: string | null;
  /** Rule-set wide warning thresholds (stages may override). */
  readonly warning: WarningPolicy;
  readonly escalation: EscalationLadder;
  private readonly byId: ReadonlyMap<string, StageRule>;

  /** Use `loadRuleSet()` or `defaultRuleSet()`. */
  constructor(init: {
    id: string;
    version: string;
    name: string | null;
    description: string | null;
    warning: WarningPolicy;
    escalation: EscalationLadder;
    stages: readonly StageRule[];
  }) {
    this.id = init.id;
    this.version = init.version;
    this.ref = `${init.id}@${init.version}`;
    this.name = init.name;
    this.description = init.description;
    this.warning = init.warning;
    this.escalation = init.escalation;
    this.byId = new Map(init.stages.map((s) => [s.stage, s]));
  }

  /** All stages in table order. */
  get stages(): readonly StageRule[] {
    return STAGE_IDS.map((id) => this.byId.get(id)).filter((s): s is StageRule => s !== undefined);
  }

  /** True when the rule set has the stage. */
  has(stage: string): stage is StageId {
    return this.byId.has(stage);
  }

  /**
   * The rule of a stage.
   * @throws DeadlinesError `UnknownStage` naming the known stage ids.
   */
  stage(stage: string): StageRule {
    const rule = this.byId.get(stage);
    if (rule === undefined) {
      throw new DeadlinesError(
        DeadlinesErrorCode.UnknownStage,
        `unknown stage ${JSON.stringify(stage)} in rule set ${this.ref} (known: ${STAGE_IDS.join(', ')})`,
      );
    }
    return rule;
  }

  /** The complete rule set as data (no `extends`), loadable again with `loadRuleSet`. */
  toJSON(): RuleSetInput {
    const stages: Record<string, StageRuleInput> = {};
    for (const s of this.stages) {
      const entry: { -readonly [K in keyof StageRuleInput]: StageRuleInput[K] } = { kind: s.kind, limit: s.limit };
      if (s.urgent !== null) entry.urgent = s.urgent;
      if (s.extendable) entry.extendable = true;
      if (s.pausable) entry.pausable = true;
      if (s.warning.fractionLeft !== this.warning.fractionLeft || s.warning.workingDaysLeft !== this.warning.workingDaysLeft) {
        entry.warning = s.warning;
      }
      stages[s.stage] = entry;
    }
    return {
      id: this.id,
      version: this.version,
      ...(this.name === null ? {} : { name: this.name }),
      ...(this.description === null ? {} : { description: this.description }),
      warning: this.warning,
      escalation: this.escalation,
      stages,
    };
  }
}
