import { Nature, Track } from '@petition/contracts';
import type { RoutingRuleEntity } from './entities/routing-rule.entity';
import { regionChain } from './region-chain';
import { pickRule } from './routing.service';

const rule = (id: string, regionCode: string | null, nature: Nature | null = null, priority = 0): RoutingRuleEntity =>
  ({
    id,
    categoryCode: 'C',
    regionCode,
    nature,
    leadUnitId: id,
    coHandlerUnitIds: [],
    track: Track.Standard,
    instructions: null,
    priority,
    effectiveFrom: new Date(0),
    effectiveTo: null,
    replacesRuleId: null,
    createdBy: null,
    createdAt: null,
  }) as RoutingRuleEntity;

describe('regionChain', () => {
  it('walks community → street → district → city', () => {
    expect(regionChain('440106001002')).toEqual(['440106001002', '440106001', '440106', '440100']);
    expect(regionChain('440106001')).toEqual(['440106001', '440106', '440100']);
    expect(regionChain('440100')).toEqual(['440100']);
  });
});

describe('pickRule', () => {
  const chain = regionChain('440106001');

  it('prefers the most specific region, then a rule naming the nature, then priority', () => {
    const city = rule('city', '440100');
    const district = rule('district', '440106');
    const street = rule('street', '440106001');
    expect(pickRule([city, district], chain, Nature.Claim)?.id).toBe('district');
    expect(pickRule([city, district, street], chain, Nature.Claim)?.id).toBe('street');
    expect(pickRule([rule('any', null), city], chain, Nature.Claim)?.id).toBe('city');
    expect(pickRule([rule('plain', '440106'), rule('claim', '440106', Nature.Claim)], chain, Nature.Claim)?.id).toBe('claim');
    expect(pickRule([rule('low', '440106', null, 1), rule('high', '440106', null, 5)], chain, Nature.Claim)?.id).toBe('high');
  });

  it('ignores rules for other regions and other natures', () => {
    expect(pickRule([rule('other', '440104'), rule('sugg', '440106', Nature.Suggestion)], chain, Nature.Claim)).toBeNull();
  });
});
