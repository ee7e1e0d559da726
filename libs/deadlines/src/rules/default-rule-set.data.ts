import type { RuleSetInput } from './rule-set.types';

/**
 * The product's default rules (docs/rules.md "Default deadlines" and "Warnings and escalation").
 * Versioned as `default@2022.1` after 《信访工作条例》 (2022). Never edit a published version:
 * deadlines store the version they were computed with; publish a new version instead.
 */
export const DEFAULT_RULE_SET_INPUT: RuleSetInput = {
  id: 'default',
  version: '2022.1',
  name: 'Default deadlines (《信访工作条例》 2022)',
  warning: { fractionLeft: 0.2, workingDaysLeft: 2 },
  escalation: { urge: 1, supervisionOrder: 5, flaggedSupervision: 20 },
  stages: {
    triage: { kind: 'working_days', limit: 1 },
    unit_accept: { kind: 'working_days', limit: 3 },
    unit_return: { kind: 'working_days', limit: 5 },
    first_contact: { kind: 'working_days', limit: 1, urgent: { kind: 'hours', limit: 24 } },
    handling_standard: { kind: 'calendar_days', limit: 60, extendable: true },
    handling_fast: { kind: 'working_days', limit: 10 },
    handling_suggestion: { kind: 'calendar_days', limit: 30 },
    extension: { kind: 'calendar_days', limit: 30 },
    reply_delivery: { kind: 'working_days', limit: 2 },
    callback: { kind: 'working_days', limit: 5 },
    review_request: { kind: 'calendar_days', limit: 30 },
    review_decision: { kind: 'calendar_days', limit: 30 },
    reexam_request: { kind: 'calendar_days', limit: 30 },
    reexam_decision: { kind: 'calendar_days', limit: 30, pausable: true },
    supervision_order: { kind: 'working_days', limit: 5 },
  },
};
