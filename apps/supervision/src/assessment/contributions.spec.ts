import { counterDeltas, matterContributions } from './contributions';
import { emptyMatter, type MatterFacts } from './matter-facts';

const at = (s: string) => new Date(s);
function matter(over: Partial<MatterFacts>): MatterFacts {
  return { ...emptyMatter('p1'), unitId: 'u1', nature: 'claim', ...over };
}

describe('assessment contributions', () => {
  it('counts acceptance in the deadline month and the acceptance month, on time only by the deadline', () => {
    const c = matterContributions(matter({ acceptDue: at('2026-09-30T15:59:59Z'), acceptedAt: at('2026-10-02T02:00:00Z') }));
    const acc = c.find((x) => x.kpi === 'acceptance');
    expect(acc).toMatchObject({ months: ['2026-09', '2026-10'], numerator: false });
  });

  it('holds a never-replied matter to its extended deadline, and a late rework round fails on-time', () => {
    const open = matterContributions(matter({ handlingDue: at('2026-10-10T16:00:00Z'), extendedDue: at('2026-11-09T16:00:00Z') }));
    expect(open.find((x) => x.kpi === 'on_time')).toMatchObject({ months: ['2026-11'], numerator: false });
    const reworkedLate = matterContributions(
      matter({
        handlingDue: at('2026-10-10T16:00:00Z'),
        replies: {
          '1': { at: '2026-10-05T00:00:00Z', due: '2026-10-10T16:00:00Z' },
          '2': { at: '2026-10-20T00:00:00Z', due: '2026-10-15T16:00:00Z' },
        },
      }),
    );
    expect(reworkedLate.find((x) => x.kpi === 'on_time')?.numerator).toBe(false);
  });

  it('one-time resolution fails on a review request or a repeat inside the window', () => {
    const base = {
      deliveredAt: at('2026-10-01T00:00:00Z'),
      deliveredRound: 1,
      reviewWindowEnd: at('2026-10-31T16:00:00Z'),
      reviewWindowEndedFor: at('2026-10-31T16:00:00Z'),
    };
    expect(matterContributions(matter(base)).find((x) => x.kpi === 'one_time')).toMatchObject({ months: ['2026-11'], numerator: true });
    expect(
      matterContributions(matter({ ...base, reviewRequestedAt: at('2026-10-20T00:00:00Z') })).find((x) => x.kpi === 'one_time')?.numerator,
    ).toBe(false);
    expect(
      matterContributions(matter({ ...base, repeatLinkedAts: [at('2026-10-20T00:00:00Z')] })).find((x) => x.kpi === 'one_time')?.numerator,
    ).toBe(false);
    expect(matterContributions(matter({ ...base, isRepeat: true })).find((x) => x.kpi === 'one_time')).toBeUndefined();
  });

  it('one-time resolution waits for the window to end: an open window counts in the denominator only', () => {
    const open = {
      deliveredAt: at('2026-10-01T00:00:00Z'),
      deliveredRound: 1,
      reviewWindowEnd: at('2026-10-31T16:00:00Z'),
      reviewWindowEndedFor: null,
    };
    expect(matterContributions(matter(open)).find((x) => x.kpi === 'one_time')).toMatchObject({
      months: ['2026-11'],
      numerator: false,
      facts: { windowEnded: false },
    });
    // The end of an earlier round's window does not end the window of a later delivery.
    const reworked = { ...open, deliveredRound: 2, reviewWindowEndedFor: at('2026-10-20T16:00:00Z') };
    expect(matterContributions(matter(reworked)).find((x) => x.kpi === 'one_time')?.numerator).toBe(false);
    const ended = { ...open, reviewWindowEndedFor: at('2026-10-31T16:00:00Z') };
    expect(matterContributions(matter(ended)).find((x) => x.kpi === 'one_time')).toMatchObject({
      numerator: true,
      facts: { windowEnded: true },
    });
    // Recording the end moves the matter into the numerator and leaves the denominator alone.
    const deltas = counterDeltas(matterContributions(matter(open)), matterContributions(matter(ended)));
    expect(deltas.filter((d) => d.kpi === 'one_time').map((d) => [d.period, d.numerator, d.denominator])).toEqual([
      ['2026-11', 1, 0],
      ['2026-Q4', 1, 0],
      ['2026', 1, 0],
    ]);
  });

  it('a matter counts once per period: two months of one quarter add one to the quarter', () => {
    const c = matterContributions(matter({ acceptDue: at('2026-10-15T00:00:00Z'), acceptedAt: at('2026-11-02T00:00:00Z') }));
    const deltas = counterDeltas([], c).filter((d) => d.kpi === 'acceptance');
    expect(deltas.map((d) => [d.period, d.denominator])).toEqual([
      ['2026-10', 1],
      ['2026-11', 1],
      ['2026-Q4', 1],
      ['2026', 1],
    ]);
    expect(counterDeltas(c, c)).toEqual([]);
  });
});
