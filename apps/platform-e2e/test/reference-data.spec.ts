import { DEMO_CATEGORIES } from '../../dispatch/src/directory/seed/demo-categories';
import { DEMO_REGIONS } from '../../dispatch/src/directory/seed/demo-regions';
import { CATEGORY_SEED, REGION_SEED } from '../../intake/src/reference/reference-seed';

/**
 * Intake validates regions and categories against its own seeded copy (it must register while
 * dispatch is down). The copy must stay the same as dispatch's directory, or intake would accept a
 * code dispatch cannot route, or refuse one it can.
 */
describe("intake's reference data and dispatch's directory", () => {
  const rows = (list: ReadonlyArray<{ code: string; name: string; parent: string | null }>) =>
    list.map(({ code, name, parent }) => ({ code, name, parent })).sort((a, b) => a.code.localeCompare(b.code));

  it('have the same regions: codes, names and parents', () => {
    expect(rows(REGION_SEED)).toEqual(rows(DEMO_REGIONS));
  });

  it('have the same categories: codes, names and parents', () => {
    expect(rows(CATEGORY_SEED)).toEqual(rows(DEMO_CATEGORIES));
  });
});
