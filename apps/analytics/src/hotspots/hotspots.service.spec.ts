import { rankSignals } from './hotspots.service';

describe('rankSignals', () => {
  const counts = [
    { term: '噪音', current: 50, previous: 40 },
    { term: '停车', current: 30, previous: 35 },
    { term: '电动车', current: 4, previous: 0 },
    { term: '油烟', current: 6, previous: 3 },
    { term: '路灯', current: 5, previous: 3 },
    { term: '漏水', current: 2, previous: 0 },
  ];

  it('puts the most mentioned terms on the strong list', () => {
    expect(rankSignals(counts, 2).strong.map((c) => c.term)).toEqual(['噪音', '停车']);
  });

  it('lists as weak the small terms with at least 3 mentions that at least doubled, new ones first', () => {
    expect(rankSignals(counts, 2).weak.map((c) => c.term)).toEqual(['电动车', '油烟']);
  });
});
