/**
 * Region codes are hierarchical administrative division codes (行政区划代码): a 6-digit district
 * (440106), a 9-digit street (440106001), a 12-digit community (440106001002). The first 4 digits
 * name the city. Ancestors are prefixes, so "a region and everything under it" is a prefix match.
 */
export const REGION_CODE_PATTERN = /^(\d{4}|\d{6}|\d{9}|\d{12})$/;

/** Code lengths of the levels, top down: city, district, street, community. */
const LEVEL_LENGTHS = [4, 6, 9, 12] as const;

/** The district and street a region code lies in (null when the code is above that level). */
export function regionAncestors(code: string): { city: string; district: string | null; street: string | null } {
  return {
    city: code.slice(0, 4),
    district: code.length >= 6 ? code.slice(0, 6) : null,
    street: code.length >= 9 ? code.slice(0, 9) : null,
  };
}

/**
 * Length of the codes one level below `filter` — what a region breakdown groups by: districts
 * city-wide, streets inside a district, communities inside a street.
 */
export function childCodeLength(filter: string | undefined): number {
  if (!filter) return 6;
  const next = LEVEL_LENGTHS.find((l) => l > filter.length);
  return next ?? filter.length;
}
