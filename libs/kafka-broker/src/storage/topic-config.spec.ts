import { resolveBrokerConfig } from '../config/broker-config';
import { InvalidTopicConfigError } from './invalid-topic-config.error';
import { resolveTopicConfig } from './topic-config';

describe('resolveTopicConfig', () => {
  const broker = resolveBrokerConfig({ dataDir: '/tmp/unused', retention: { maxBytes: 1000, maxAgeMs: 2000 } });

  it('falls back to the broker defaults', () => {
    expect(resolveTopicConfig({}, broker)).toMatchObject({ retentionBytes: 1000, retentionMs: 2000, retainForever: false });
  });

  it('applies known entries and keeps unknown ones', () => {
    const config = resolveTopicConfig(
      { 'retention.ms': '-1', 'retention.bytes': '5000', 'cleanup.policy': 'compact', 'min.insync.replicas': '2' },
      broker,
    );
    expect(config).toMatchObject({ retentionMs: -1, retentionBytes: 5000, retainForever: true });
    expect(config.entries['min.insync.replicas']).toBe('2');
    expect(resolveTopicConfig({ 'cleanup.policy': 'compact,delete' }, broker).retainForever).toBe(false);
  });

  it('refuses malformed values of known entries', () => {
    expect(() => resolveTopicConfig({ 'retention.ms': 'soon' }, broker)).toThrow(InvalidTopicConfigError);
    expect(() => resolveTopicConfig({ 'retention.bytes': '-2' }, broker)).toThrow(InvalidTopicConfigError);
    expect(() => resolveTopicConfig({ 'cleanup.policy': 'shred' }, broker)).toThrow(InvalidTopicConfigError);
  });
});
