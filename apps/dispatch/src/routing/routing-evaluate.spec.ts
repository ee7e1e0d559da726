import type { EntityManager } from 'typeorm';
import { Nature, Track } from '@petition/contracts';
import type { RoutingRuleEntity } from './entities/routing-rule.entity';
import type { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

type Candidate = RoutingRuleEntity & { inactiveUnitIds: string[] };
const rule = (id: string, regionCode: string | null, lead: string, extra: Partial<Candidate> = {}): Candidate =>
  ({
    id,
    categoryCode: 'DISCIPLINE.OFFICIALS',
    regionCode,
    nature: null,
    leadUnitId: lead,
    coHandlerUnitIds: [],
    track: Track.Standard,
    instructions: null,
    priority: 0,
    effectiveFrom: new Date(0),
    effectiveTo: null,
    replacesRuleId: null,
    createdBy: null,
    createdAt: null,
    inactiveUnitIds: [],
    ...extra,
  }) as Candidate;

/** A routing service over a fixed rule table. */
function serviceWith(rules: Candidate[]): { service: RoutingService; asked: string[] } {
  const asked: string[] = [];
  const repo = { candidates: async (_m: EntityManager, category: string) => (asked.push(category), rules) } as unknown as RoutingRepository;
  return { service: new RoutingService(repo), asked };
}

const petition = {
  nature: Nature.Claim,
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  headcount: 1,
  emergency: false,
  accusedUnitId: null,
};
const m = {} as EntityManager;
const at = new Date();

describe('RoutingService.evaluate', () => {
  it('routes accusations on the discipline category and skips the rule that would reach the accused unit', async () => {
    const { service, asked } = serviceWith([rule('district', '440106', 'jw-district'), rule('city', '440100', 'jw-city')]);
    const result = await service.evaluate(m, { ...petition, nature: Nature.Accusation, accusedUnitId: 'jw-district' }, at);
    expect(asked).toEqual(['DISCIPLINE.OFFICIALS']);
    expect(result.decision).toMatchObject({ kind: 'assign', leadUnitId: 'jw-city' });
    expect(result.candidates.map((c) => [c.rule.id, c.outcome])).toEqual([
      ['district', 'excluded'],
      ['city', 'winner'],
    ]);
  });

  it('queues an accusation when every rule would reach the accused unit; only accusations are kept from a named unit', async () => {
    const blocked = await serviceWith([rule('city', '440100', 'jw-city')]).service.route(
      m,
      { ...petition, nature: Nature.Accusation, accusedUnitId: 'jw-city' },
      at,
    );
    expect(blocked).toMatchObject({ kind: 'queue', reasonKind: 'accused_unit' });
    const other = await serviceWith([rule('city', '440100', 'jw-city', { coHandlerUnitIds: ['u1'] })]).service.route(
      m,
      { ...petition, accusedUnitId: 'u1' },
      at,
    );
    expect(other).toMatchObject({ kind: 'assign', leadUnitId: 'jw-city', coHandlerUnitIds: ['u1'] });
  });

  it('skips units that returned the matter and deactivated leads, drops deactivated co-handlers', async () => {
    const rules = [
      rule('street', '440106001', 'street'),
      rule('district', '440106', 'district', { inactiveUnitIds: ['district'] }),
      rule('city', '440100', 'city', { coHandlerUnitIds: ['gone', 'ok'], inactiveUnitIds: ['gone'] }),
    ];
    const result = await serviceWith(rules).service.evaluate(m, petition, at, ['street']);
    expect(result.decision).toMatchObject({ kind: 'assign', leadUnitId: 'city', coHandlerUnitIds: ['ok'] });
    expect(result.candidates.filter((c) => c.outcome === 'excluded').map((c) => c.reason)).toEqual([
      'the lead unit already returned this matter as misrouted',
      'the lead unit is deactivated',
    ]);
  });

  it('sends emergencies and collective petitions to leaders whatever the rules say, and suggestions on the suggestion track', async () => {
    const { service } = serviceWith([rule('city', '440100', 'city')]);
    expect(await service.route(m, { ...petition, emergency: true }, at)).toMatchObject({ kind: 'queue', reasonKind: 'emergency' });
    expect(await service.route(m, { ...petition, headcount: 5 }, at)).toMatchObject({ kind: 'queue', reasonKind: 'collective' });
    expect(await service.route(m, { ...petition, nature: Nature.Suggestion }, at)).toMatchObject({
      kind: 'assign',
      track: Track.Suggestion,
    });
    expect(await serviceWith([]).service.route(m, petition, at)).toMatchObject({ kind: 'queue', reasonKind: 'no_rule' });
  });
});
