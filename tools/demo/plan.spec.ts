import { loadCalendar } from '@petition/deadlines';
import { DEMO_REGIONS, DEMO_RULES, DEMO_UNITS } from '../../apps/dispatch/src/directory/seed/demo-city';
import { detectEmergencySignals } from '../../apps/intake/src/petitions/emergency-detector';
import { PHONE_PATTERN } from '../../apps/intake/src/petitions/dto/validators';
import { isValidResidentId } from '../../apps/intake/src/pii/resident-id';
import { CATEGORY_SEED, REGION_SEED } from '../../apps/intake/src/reference/reference-seed';
import { addDays, instantOf, planMonth, slotOf, type PlannedPetition } from './plan';
import { E2E_MONTH } from './seed-month.e2e-options';

const MONTH = { petitions: 150, days: 30, seed: 1, startDate: '2026-11-07' };
const plan = planMonth(MONTH);
const calendar = loadCalendar();

/** The rule dispatch's routing picks for a petition of the demo city (most specific region, then nature). */
function ruleFor(p: PlannedPetition) {
  const chain = [p.fields.regionCode.slice(0, 9), p.fields.regionCode.slice(0, 6), '440100'];
  const nature = p.fields.nature ?? 'claim';
  const candidates = DEMO_RULES.filter(
    (r) => r.category === p.fields.categoryCode && r.region !== null && chain.includes(r.region) && (r.nature ?? nature) === nature,
  );
  return candidates.sort(
    (a, b) => chain.indexOf(a.region!) - chain.indexOf(b.region!) || Number(b.nature !== null) - Number(a.nature !== null),
  )[0];
}

describe('the demo month plan', () => {
  it('is the same for the same seed, and registers the same titles and categories whatever the start date', () => {
    expect(planMonth(MONTH)).toEqual(plan);
    const what = (ps: PlannedPetition[]) => ps.map((p) => [p.fields.title, p.fields.categoryCode, p.channel]);
    expect(what(planMonth({ ...MONTH, startDate: '2027-02-01' }))).toEqual(what(plan));
    expect(what(planMonth({ ...MONTH, seed: 2 }))).not.toEqual(what(plan));
  });

  it('uses the categories, regions and units of the demo city', () => {
    const categories = new Set(CATEGORY_SEED.map((c) => c.code));
    const regions = new Set(REGION_SEED.map((r) => r.code));
    const streets = new Set(DEMO_REGIONS.map((r) => r.code));
    const units = new Set(DEMO_UNITS.map((u) => u.code));
    for (const p of plan) {
      expect(categories).toContain(p.fields.categoryCode);
      expect(regions).toContain(p.fields.regionCode);
      expect(streets).toContain(p.fields.regionCode);
      if (p.queued) expect(units).toContain(p.lead);
    }
  });

  it('sends ordinary matters where routing knows to, on the track it gives, and queues only what it cannot route', () => {
    for (const p of plan.filter((x) => x.route === 'dispatch' && x.kind !== 'repeat')) {
      const rule = ruleFor(p);
      if (p.kind === 'manual') expect(rule).toBeUndefined();
      else {
        expect({ key: p.key, category: p.fields.categoryCode, rule: Boolean(rule) }).toEqual({
          key: p.key,
          category: p.fields.categoryCode,
          rule: true,
        });
        expect({ key: p.key, track: rule.nature === 'suggestion' ? 'suggestion' : rule.track }).toEqual({ key: p.key, track: p.track });
      }
      expect(p.queued).toBe(p.kind === 'manual' || p.kind === 'emergency' || p.kind === 'collective');
    }
  });

  it('raises an emergency only where it means to, with valid identities and distinct phones', () => {
    const phones = new Set<string>();
    for (const p of plan) {
      const signals = detectEmergencySignals(`${p.fields.title}\n${p.fields.content}`);
      expect({ key: p.key, emergency: signals.length > 0 }).toEqual({ key: p.key, emergency: p.kind === 'emergency' });
      expect(p.fields.petitionerPhone).toMatch(PHONE_PATTERN);
      if (p.fields.petitionerIdNumber) expect(isValidResidentId(p.fields.petitionerIdNumber)).toBe(true);
      if (p.kind !== 'repeat') {
        expect(phones.has(p.fields.petitionerPhone)).toBe(false);
        phones.add(p.fields.petitionerPhone);
      }
    }
    const repeats = plan.filter((p) => p.kind === 'repeat');
    expect(repeats.length).toBeGreaterThan(0);
    for (const r of repeats) {
      const original = plan.find((p) => p.key === r.repeatOf)!;
      expect(r.fields.petitionerPhone).toBe(original.fields.petitionerPhone);
      expect(r.fields.categoryCode).toBe(original.fields.categoryCode);
      if (r.steps.length) expect(r.steps[0].day).toBeGreaterThan(original.steps[0].day);
    }
  });

  it('takes each step of a matter in a later work phase, staff on working days, within the month', () => {
    for (const p of plan) {
      for (const [i, s] of p.steps.entries()) {
        expect(s.day).toBeGreaterThanOrEqual(0);
        expect(s.day).toBeLessThan(MONTH.days);
        if (i > 0) expect(slotOf(s)).toBeGreaterThan(slotOf(p.steps[i - 1]));
        const petitioner =
          (s.kind === 'register' && p.via !== 'staff') ||
          ((s.kind === 'evaluate' || s.kind === 'appeal') && s.by !== 'callback' && s.by !== 'staff');
        if (!petitioner)
          expect({ key: p.key, kind: s.kind, workday: calendar.isWorkday(addDays(MONTH.startDate, s.day)) }).toMatchObject({
            workday: true,
          });
      }
    }
    expect(instantOf('2026-11-07', { day: 1, minute: 9 * 60 + 5 })).toBe('2026-11-08T09:05:00+08:00');
    expect(instantOf('2026-11-07', { day: 0, minute: -60 })).toBe('2026-11-06T23:00:00+08:00');
  });

  it('walks matters through every step of their life, and leaves the last week in progress', () => {
    const kinds = new Map<string, number>();
    for (const p of plan) for (const s of p.steps) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    for (const kind of [
      'register',
      'triage',
      'written_notice',
      'assign',
      'accept',
      'contact',
      'contribute',
      'extension_request',
      'extension_approve',
      'reply',
      'review_return',
      'review_approve',
      'delivered',
      'evaluate',
      'appeal',
      'appeal_decide',
    ])
      expect({ kind, present: (kinds.get(kind) ?? 0) > 0 }).toEqual({ kind, present: true });
    expect(kinds.get('extension_approve')).toBeGreaterThanOrEqual(5);
    expect(plan.filter((p) => p.steps.length).length).toBeGreaterThanOrEqual(140);
    const outcomes = new Set(plan.flatMap((p) => p.steps.flatMap((s) => (s.kind === 'triage' ? [s.outcome] : []))));
    expect([...outcomes].sort()).toEqual(['dispatch', 'forward', 'inform']);
    for (const p of plan.filter((x) => x.steps[0] && x.steps[0].day >= MONTH.days - 7))
      expect(p.steps.map((s) => s.kind)).not.toContain('reply');
  });

  it('gives the end-to-end test a month that closes matters', () => {
    const small = planMonth(E2E_MONTH);
    const kinds = small.flatMap((p) => p.steps.map((s) => s.kind));
    for (const kind of ['register', 'assign', 'accept', 'contact', 'reply', 'review_approve', 'evaluate']) expect(kinds).toContain(kind);
  });
});
