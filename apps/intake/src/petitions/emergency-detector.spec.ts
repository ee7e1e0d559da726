import { detectEmergencySignals } from './emergency-detector';

describe('emergency detection', () => {
  it('finds self-harm, violence, gatherings and road blocking', () => {
    expect(detectEmergencySignals('工资再不发我就跳楼')).toEqual(['self_harm']);
    expect(detectEmergencySignals('明天组织工友集体上访并堵路')).toEqual(['mass_gathering', 'blocking_roads']);
    expect(detectEmergencySignals('邻居扬言持刀报复')).toEqual(['violence']);
  });

  it('leaves an ordinary matter alone', () => {
    expect(detectEmergencySignals('小区门口道路积水，请求疏通排水管道')).toEqual([]);
  });
});
