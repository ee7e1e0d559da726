import { hotspotTerms } from './hotspot-terms';

describe('hotspotTerms', () => {
  it('keeps the words that name the problem and drops boilerplate', () => {
    const terms = hotspotTerms('反映小区噪音扰民问题，请尽快处理');
    expect(terms).toEqual(expect.arrayContaining(['小区', '噪音']));
    expect(terms).not.toContain('问题');
    expect(terms).not.toContain('处理');
  });

  it('returns each term once and nothing for digits or punctuation', () => {
    expect(hotspotTerms('拖欠工资 拖欠工资 2026！！')).toEqual(['拖欠工资']);
  });
});
