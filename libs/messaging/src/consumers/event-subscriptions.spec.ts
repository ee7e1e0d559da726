import type { DiscoveryService } from '@nestjs/core';
import { PETITION_ASSIGNED, PETITION_REGISTERED, PETITION_TRIAGED, Topics, UNIT_UPSERTED, type TopicName } from '@petition/contracts';
import { subscription, subscriptionsOn, type EventHandlers } from './event-subscription';
import { EventSubscriptions } from './event-subscriptions';

const noop = async (): Promise<void> => undefined;
const registry = (topics: TopicName[]) => new EventSubscriptions({ getProviders: () => [] } as unknown as DiscoveryService, topics);

describe('EventSubscriptions', () => {
  it('splits one handler map by the topic each type travels on', () => {
    const subs = subscriptionsOn((topic) => `scope-${topic}`, {
      [PETITION_REGISTERED]: noop,
      [PETITION_TRIAGED]: noop,
      [PETITION_ASSIGNED]: noop,
    } as EventHandlers);
    expect(subs.map((s) => [s.scope, s.topic, Object.keys(s.handlers).sort()])).toEqual([
      [`scope-${Topics.intake}`, Topics.intake, [PETITION_REGISTERED, PETITION_TRIAGED]],
      [`scope-${Topics.dispatch}`, Topics.dispatch, [PETITION_ASSIGNED]],
    ]);
  });

  it('lists who consumes which event type', () => {
    const r = registry([Topics.intake, Topics.directory]);
    r.register([
      subscription('b', Topics.intake, { [PETITION_REGISTERED]: noop }),
      subscription('a', Topics.intake, { [PETITION_REGISTERED]: noop, [PETITION_TRIAGED]: noop }),
      subscription('units', Topics.directory, { [UNIT_UPSERTED]: noop }),
    ]);
    expect(r.consumedTypes()).toEqual([
      { topic: Topics.directory, type: UNIT_UPSERTED, scope: 'units' },
      { topic: Topics.intake, type: PETITION_REGISTERED, scope: 'a' },
      { topic: Topics.intake, type: PETITION_REGISTERED, scope: 'b' },
      { topic: Topics.intake, type: PETITION_TRIAGED, scope: 'a' },
    ]);
    expect(r.forTopic(Topics.intake).map((s) => s.scope)).toEqual(['b', 'a']);
  });

  it('refuses a wrong wiring at boot, naming every problem', () => {
    const r = registry([Topics.intake, Topics.handling]);
    let message = '';
    try {
      r.register([
        subscription('x', Topics.intake, { [PETITION_REGISTERED]: noop }),
        subscription('x', Topics.intake, { [PETITION_TRIAGED]: noop }),
        subscription('y', Topics.dispatch, { [PETITION_ASSIGNED]: noop }),
        subscription('z', Topics.intake, { [PETITION_ASSIGNED]: noop }),
        subscription('empty', Topics.intake, {}),
      ]);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('scope "x" subscribes to petition.intake.v1 twice');
    expect(message).toContain('scope "y" subscribes to petition.dispatch.v1, which this service does not consume');
    expect(message).toContain(
      'scope "z" handles petition.assigned on petition.intake.v1, but petition.assigned travels on petition.dispatch.v1',
    );
    expect(message).toContain('scope "empty" on petition.intake.v1 handles no event type');
    expect(message).toContain('this service consumes petition.handling.v1 but nothing subscribes to it');
  });
});
