import { childCodeLength, regionAncestors } from './region-codes';

describe('region codes', () => {
  it('derives the district and street of a code by prefix', () => {
    expect(regionAncestors('440106001002')).toEqual({ city: '4401', district: '440106', street: '440106001' });
    expect(regionAncestors('440106')).toEqual({ city: '4401', district: '440106', street: null });
  });

  it('breaks a region down one level below the filter', () => {
    expect(childCodeLength(undefined)).toBe(6);
    expect(childCodeLength('4401')).toBe(6);
    expect(childCodeLength('440106')).toBe(9);
    expect(childCodeLength('440106001')).toBe(12);
    expect(childCodeLength('440106001002')).toBe(12);
  });
});
