import { DeadlinesErrorCode } from '../deadlines.errors';
import { DEFAULT_RULE_SET_INPUT } from './default-rule-set.data';
import { defaultRuleSet, loadRuleSet, loadRuleSetFile } from './rule-set.loader';
import type { RuleSetInput } from './rule-set.types';
import { STAGE_IDS } from './stage-id';

const FIXTURES = `${__dirname}/../../fixtures`;

/** The default rule set with some stages replaced. */
function withStages(stages: Record<string, unknown>, extra: Record<string, unknown> = {}): RuleSetInput {
  return { ...DEFAULT_RULE_SET_INPUT, ...extra, stages: { ...DEFAULT_RULE_SET_INPUT.stages, ...stages } } as RuleSetInput;
}

function problemsOf(input: unknown): string[] {
  try {
    loadRuleSet(input as RuleSetInput);
  } catch (error) {
    expect(error).toMatchObject({ code: DeadlinesErrorCode.InvalidRuleSet });
    return [...(error as { details: string[] }).details];
  }
  throw new Error('expected the rule set to be refused');
}

describe('default rule set default@2022.1', () => {
  const rules = defaultRuleSet();

  it('is versioned and holds the docs/rules.md stage table', () => {
    expect(rules.ref).toBe('default@2022.1');
    expect(rules.stages.map((s) => s.stage)).toEqual([...STAGE_IDS]);
    const table = Object.fromEntries(
      rules.stages.map((s) => [s.stage, [s.kind, s.limit, s.statutoryCap?.limit ?? null, s.statutoryCap?.source ?? null]]),
    );
    expect(table).toEqual({
      triage: ['working_days', 1, 15, '条例 Art. 22'],
      unit_accept: ['working_days', 3, 15, '条例 Art. 23'],
      unit_return: ['working_days', 5, 5, '条例 Art. 23'],
      first_contact: ['working_days', 1, null, null],
      handling_standard: ['calendar_days', 60, 60, '条例 Art. 34'],
      handling_fast: ['working_days', 10, null, null],
      handling_suggestion: ['calendar_days', 30, null, null],
      extension: ['calendar_days', 30, 30, '条例 Art. 34'],
      reply_delivery: ['working_days', 2, null, null],
      callback: ['working_days', 5, null, null],
      review_request: ['calendar_days', 30, 30, '条例 Art. 35'],
      review_decision: ['calendar_days', 30, 30, '条例 Art. 35'],
      reexam_request: ['calendar_days', 30, 30, '条例 Art. 36'],
      reexam_decision: ['calendar_days', 30, 30, '条例 Art. 36'],
      supervision_order: ['working_days', 5, null, null],
    });
    expect(rules.stage('unit_return').statutoryCap?.kind).toBe('working_days');
  });

  it('has the urgent first contact, the Art. 34 extension and the Art. 36 pause', () => {
    expect(rules.stage('first_contact').urgent).toEqual({ kind: 'hours', limit: 24 });
    expect(rules.stages.filter((s) => s.extendable).map((s) => s.stage)).toEqual(['handling_standard']);
    expect(rules.stages.filter((s) => s.pausable).map((s) => s.stage)).toEqual(['reexam_decision']);
  });

  it('has the warning and escalation defaults', () => {
    expect(rules.warning).toEqual({ fractionLeft: 0.2, workingDaysLeft: 2 });
    expect(rules.escalation).toEqual({ urge: 1, supervisionOrder: 5, flaggedSupervision: 20 });
  });

  it('round-trips through JSON', () => {
    const again = loadRuleSet(JSON.stringify(rules));
    expect(again.toJSON()).toEqual(rules.toJSON());
    expect(again.ref).toBe('default@2022.1');
  });

  it('names the known stages when asked for an unknown one', () => {
    expect(() => rules.stage('handling_slow')).toThrow(
      expect.objectContaining({ code: DeadlinesErrorCode.UnknownStage, message: expect.stringContaining('known: triage, unit_accept') }),
    );
  });
});

describe('loading a city rule set', () => {
  it('loads a file that extends the default', () => {
    const rules = loadRuleSetFile(`${FIXTURES}/city-rules.example.json`);
    expect(rules.ref).toBe('example-city@2026.1');
    expect(rules.stage('handling_standard')).toMatchObject({
      kind: 'calendar_days',
      limit: 45,
      extendable: true,
      warning: { fractionLeft: 0.25, workingDaysLeft: 2 },
    });
    expect(rules.stage('handling_suggestion')).toMatchObject({ limit: 20, extendable: true });
    expect(rules.stage('triage').warning).toEqual({ fractionLeft: 0.25, workingDaysLeft: 0 });
    expect(rules.stage('review_decision').pausable).toBe(true);
    expect(rules.stage('callback')).toMatchObject({ kind: 'working_days', limit: 5 });
  });

  it('refuses a limit over the statutory cap, naming the stage and the article (file)', () => {
    expect(() => loadRuleSetFile(`${FIXTURES}/city-rules.over-cap.json`)).toThrow(
      'city-rules.over-cap.json: invalid rule set example-city@2026.2: stage "handling_standard": local limit 75 calendar days is longer than the statutory cap of 60 calendar days (条例 Art. 34)',
    );
  });

  it.each([
    [
      'handling_standard',
      { kind: 'calendar_days', limit: 61 },
      'stage "handling_standard": local limit 61 calendar days is longer than the statutory cap of 60 calendar days (条例 Art. 34)',
    ],
    [
      'review_request',
      { kind: 'calendar_days', limit: 31 },
      'stage "review_request": local limit 31 calendar days is longer than the statutory cap of 30 calendar days (条例 Art. 35)',
    ],
    [
      'reexam_decision',
      { kind: 'calendar_days', limit: 45, pausable: true },
      'stage "reexam_decision": local limit 45 calendar days is longer than the statutory cap of 30 calendar days (条例 Art. 36)',
    ],
    [
      'unit_return',
      { kind: 'working_days', limit: 6 },
      'stage "unit_return": local limit 6 working days is longer than the statutory cap of 5 working days (条例 Art. 23)',
    ],
    [
      'triage',
      { kind: 'working_days', limit: 16 },
      'stage "triage": local limit 16 working days is longer than the statutory cap of 15 calendar days (条例 Art. 22)',
    ],
    [
      'extension',
      { kind: 'calendar_days', limit: 40 },
      'stage "extension": local limit 40 calendar days is longer than the statutory cap of 30 calendar days (条例 Art. 34)',
    ],
  ])('refuses %s over its cap', (stage, rule, message) => {
    expect(problemsOf(withStages({ [stage]: rule }))).toEqual([message]);
  });

  it('checks an urgent variant against the cap too', () => {
    expect(
      problemsOf(withStages({ unit_accept: { kind: 'working_days', limit: 3, urgent: { kind: 'calendar_days', limit: 20 } } })),
    ).toEqual([
      'stage "unit_accept" urgent: local limit 20 calendar days is longer than the statutory cap of 15 calendar days (条例 Art. 23)',
    ]);
  });

  it('refuses unknown stage ids, bad kinds and non-positive limits with clear messages', () => {
    expect(problemsOf(withStages({ handling_slow: { kind: 'calendar_days', limit: 5 } }))).toEqual([
      expect.stringMatching(/^unknown stage id "handling_slow" \(known: triage, /),
    ]);
    expect(problemsOf(withStages({ callback: { kind: 'weeks', limit: 1 } }))).toEqual([
      'stage "callback": kind "weeks" is not one of calendar_days, working_days, hours',
    ]);
    expect(problemsOf(withStages({ callback: { kind: 'working_days', limit: -5 } }))).toEqual([
      'stage "callback": limit must be a positive whole number (got -5)',
    ]);
    expect(problemsOf(withStages({ callback: { kind: 'working_days', limit: 0 } }))).toEqual([
      'stage "callback": limit must be a positive whole number (got 0)',
    ]);
    expect(problemsOf(withStages({ callback: { kind: 'working_days', limit: 2.5 } }))).toEqual([
      'stage "callback": limit must be a positive whole number (got 2.5)',
    ]);
    expect(problemsOf(withStages({ callback: { kind: 'working_days', limit: '5' } }))).toEqual([
      'stage "callback": limit must be a positive whole number (got "5")',
    ]);
    expect(problemsOf(withStages({ handling_suggestion: { kind: 'calendar_days', limit: 3650 } }))).toEqual([
      expect.stringContaining('implausibly long'),
    ]);
  });

  it('refuses to let a rule set set statutory caps or unknown fields', () => {
    expect(problemsOf(withStages({ handling_standard: { kind: 'calendar_days', limit: 90, statutoryCap: { limit: 90 } } }))).toEqual([
      'stage "handling_standard": "statutoryCap" cannot be set: caps come from the law (信访工作条例), not from a rule set',
      'stage "handling_standard": local limit 90 calendar days is longer than the statutory cap of 60 calendar days (条例 Art. 34)',
    ]);
    expect(problemsOf(withStages({}, { colour: 'red' }))).toEqual([expect.stringContaining('rule set: unknown field "colour"')]);
  });

  it('lists every problem at once, including missing stages without "extends"', () => {
    const problems = problemsOf({ id: 'City', version: '', stages: { triage: { kind: 'working_days', limit: 1 } } });
    expect(problems[0]).toBe('id must be lower-case letters, digits, "-" or "_" (got "City")');
    expect(problems[1]).toBe('version must be a non-empty token like 2022.1 (got "")');
    expect(problems).toContain('stage "supervision_order" is missing (give every stage, or "extends": "default@2022.1")');
    expect(problems).toHaveLength(2 + STAGE_IDS.length - 1);
  });

  it('checks warning, escalation, extension and base settings', () => {
    expect(problemsOf(withStages({}, { warning: { fractionLeft: 1.5 } }))).toEqual([
      'warning.fractionLeft must be a number between 0 and 1 (got 1.5)',
    ]);
    expect(problemsOf(withStages({}, { escalation: { urge: 5, supervisionOrder: 5 } }))).toEqual([
      'escalation: thresholds must increase: urge < supervisionOrder < flaggedSupervision (got 5, 5, 20)',
    ]);
    expect(problemsOf(withStages({ first_contact: { kind: 'hours', limit: 24, extendable: true } }))).toEqual([
      'stage "first_contact": only day-based stages without an urgent variant can be extendable',
    ]);
    expect(problemsOf({ id: 'city', version: '1', extends: 'shenzhen@1', stages: {} })).toEqual(
      expect.arrayContaining(['extends "shenzhen@1" is unknown (only default@2022.1 can be extended)']),
    );
    expect(() => loadRuleSet('{ not json')).toThrow(/rule set is not valid JSON/);
  });

  it('accepts a working-day limit against a calendar-day cap when not obviously longer (clamped when computing)', () => {
    const rules = loadRuleSet({
      id: 'city',
      version: '1',
      extends: 'default@2022.1',
      stages: { unit_accept: { kind: 'working_days', limit: 15 } },
    });
    expect(rules.stage('unit_accept')).toMatchObject({ kind: 'working_days', limit: 15 });
  });
});
