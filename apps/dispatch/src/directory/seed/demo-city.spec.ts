import { UnitKind, UnitLevel } from '@petition/contracts';
import { DEMO_CATEGORIES, DEMO_REGIONS, DEMO_RULES, DEMO_UNITS } from './demo-city';
import { unitIdFor } from './stable-id';

describe('the demo city', () => {
  const units = new Map(DEMO_UNITS.map((u) => [u.code, u]));
  const regions = new Set(DEMO_REGIONS.map((r) => r.code));
  const categories = new Set(DEMO_CATEGORIES.map((c) => c.code));

  it('is Guangzhou at scale: 11 districts, ~170 streets and towns, ~40 departments', () => {
    expect(DEMO_REGIONS.filter((r) => r.level === UnitLevel.District)).toHaveLength(11);
    expect(DEMO_REGIONS.filter((r) => r.level === UnitLevel.Street).length).toBeGreaterThanOrEqual(170);
    expect(DEMO_UNITS.filter((u) => u.kind === UnitKind.FunctionalDepartment).length).toBeGreaterThanOrEqual(38);
    expect(DEMO_REGIONS.find((r) => r.code === '440106001')?.name).toBe('五山街道');
    expect(DEMO_REGIONS.find((r) => r.code === '440105001')?.name).toBe('赤岗街道');
  });

  it('keeps the stable unit ids scripts and tests name', () => {
    for (const code of ['GZ-SWJ', 'GZ-440106', 'GZ-440104', 'GZ-CGJ', 'GZ-JWJW', 'GZ-RSJ', 'GZ-440106001', 'GZ-440106002', 'GZ-440105001'])
      expect(units.has(code)).toBe(true);
    expect(unitIdFor('GZ-SWJ')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has codes unique, parents before children, and rules that only name what exists', () => {
    expect(new Set(DEMO_UNITS.map((u) => u.code)).size).toBe(DEMO_UNITS.length);
    expect(regions.size).toBe(DEMO_REGIONS.length);
    const seen = new Set<string>();
    for (const u of DEMO_UNITS) {
      if (u.parent) expect(seen.has(u.parent)).toBe(true);
      seen.add(u.code);
    }
    for (const r of DEMO_RULES) {
      expect(categories.has(r.category)).toBe(true);
      if (r.region) expect(regions.has(r.region)).toBe(true);
      for (const code of [r.lead, ...(r.coHandlers ?? [])]) expect(units.get(code)?.code).toBe(code);
    }
  });

  it('routes accusations only to discipline inspection and litigation only to the court liaison', () => {
    for (const r of DEMO_RULES.filter((x) => x.category === 'DISCIPLINE.OFFICIALS'))
      expect(units.get(r.lead)?.kind).toBe(UnitKind.DisciplineInspection);
    for (const r of DEMO_RULES.filter((x) => x.category.startsWith('LAW.LITIGATION')))
      expect(units.get(r.lead)?.kind).toBe(UnitKind.CourtLiaison);
  });
});
