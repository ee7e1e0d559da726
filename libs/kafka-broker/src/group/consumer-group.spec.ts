import { ErrorCode } from '../protocol/error-code';
import { ConsumerGroup } from './consumer-group';
import type { JoinRequest } from './consumer-group';
import type { JoinResult } from './group-member';

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function joinRequest(memberId = '', metadata = 'meta', rebalanceTimeoutMs = 60_000): JoinRequest {
  return {
    memberId,
    clientId: 'client',
    clientHost: '127.0.0.1',
    sessionTimeoutMs: 1000,
    rebalanceTimeoutMs,
    protocolType: 'consumer',
    protocols: [{ name: 'RoundRobinAssigner', metadata: Buffer.from(metadata) }],
  };
}

async function settled<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('ConsumerGroup', () => {
  afterEach(() => jest.useRealTimers());

  it('completes the first join of a new group at once and makes the member leader', async () => {
    const group = new ConsumerGroup('g', logger);
    const result = await group.join(joinRequest());
    expect(result).toMatchObject({ errorCode: 0, generationId: 1, protocol: 'RoundRobinAssigner' });
    expect(result.leaderId).toBe(result.memberId);
    expect(result.members).toEqual([{ memberId: result.memberId, metadata: Buffer.from('meta') }]);
    expect(group.state).toBe('CompletingRebalance');
  });

  it('holds a newcomer until existing members rejoin; only the leader gets the member list', async () => {
    const group = new ConsumerGroup('g', logger);
    const first = await group.join(joinRequest('', 'first'));
    await group.sync(first.memberId, 1, new Map([[first.memberId, Buffer.from('a1')]]));
    expect(group.state).toBe('Stable');

    const secondJoin = group.join(joinRequest('', 'second'));
    expect(await settled(secondJoin)).toBe('pending');
    expect(group.heartbeat(first.memberId, 1)).toBe(ErrorCode.RebalanceInProgress);
    // Commits of the current generation are still accepted while the rebalance is prepared.
    expect(group.checkCommit(first.memberId, 1)).toBe(ErrorCode.None);

    const rejoin = (await group.join(joinRequest(first.memberId, 'first'))) as JoinResult;
    const second = (await secondJoin) as JoinResult;
    expect(rejoin).toMatchObject({ generationId: 2, leaderId: first.memberId });
    expect(rejoin.members.map((m) => m.metadata.toString())).toEqual(['first', 'second']);
    expect(second).toMatchObject({ generationId: 2, leaderId: first.memberId, members: [] });

    const followerSync = group.sync(second.memberId, 2, new Map());
    expect(await settled(followerSync)).toBe('pending');
    const assignments = new Map([
      [first.memberId, Buffer.from([1, 2])],
      [second.memberId, Buffer.from([3, 4])],
    ]);
    expect(await group.sync(first.memberId, 2, assignments)).toEqual({ errorCode: 0, assignment: Buffer.from([1, 2]) });
    expect(await followerSync).toEqual({ errorCode: 0, assignment: Buffer.from([3, 4]) });
    expect(group.state).toBe('Stable');
  });

  it('answers stale and unknown members with the codes kafkajs rejoins on', async () => {
    const group = new ConsumerGroup('g', logger);
    const member = await group.join(joinRequest());
    expect(group.heartbeat('nobody', 1)).toBe(ErrorCode.UnknownMemberId);
    expect(group.heartbeat(member.memberId, 0)).toBe(ErrorCode.IllegalGeneration);
    expect(group.heartbeat(member.memberId, 1)).toBe(ErrorCode.None);
    expect(group.checkCommit(member.memberId, 1)).toBe(ErrorCode.RebalanceInProgress);
    expect((await group.sync(member.memberId, 0, new Map())).errorCode).toBe(ErrorCode.IllegalGeneration);
    expect((await group.join(joinRequest('ghost'))).errorCode).toBe(ErrorCode.UnknownMemberId);
    expect(group.checkCommit('', -1)).toBe(ErrorCode.UnknownMemberId);
  });

  it('refuses a member whose protocols share nothing with the group', async () => {
    const group = new ConsumerGroup('g', logger);
    await group.join(joinRequest());
    const other = { ...joinRequest(), protocols: [{ name: 'Custom', metadata: Buffer.alloc(0) }] };
    expect((await group.join(other)).errorCode).toBe(ErrorCode.InconsistentGroupProtocol);
  });

  it('rebalances when a member leaves and becomes Empty when the last one does', async () => {
    const group = new ConsumerGroup('g', logger);
    const a = await group.join(joinRequest());
    await group.sync(a.memberId, 1, new Map());
    const bJoin = group.join(joinRequest());
    await group.join(joinRequest(a.memberId));
    const b = await bJoin;
    expect(group.leave(a.memberId)).toBe(ErrorCode.None);
    expect(group.state).toBe('PreparingRebalance');
    const bRejoin = await group.join(joinRequest(b.memberId));
    expect(bRejoin).toMatchObject({ generationId: 3, leaderId: b.memberId });
    expect(group.leave(b.memberId)).toBe(ErrorCode.None);
    expect(group.state).toBe('Empty');
    expect(group.checkCommit('', -1)).toBe(ErrorCode.None);
    expect(group.leave(b.memberId)).toBe(ErrorCode.UnknownMemberId);
  });

  it('expires a silent member after its session timeout, but not one awaiting a held response', async () => {
    let clock = 0;
    const group = new ConsumerGroup('g', logger, () => clock);
    const a = await group.join(joinRequest());
    await group.sync(a.memberId, 1, new Map());
    clock = 900;
    const bJoin = group.join(joinRequest());
    clock = 1001;
    group.expireMembers();
    const b = await bJoin;
    expect(b).toMatchObject({ errorCode: 0, generationId: 2, leaderId: b.memberId });
    expect([...group.members.keys()]).toEqual([b.memberId]);
  });

  it('evicts members that do not rejoin within the rebalance timeout', async () => {
    jest.useFakeTimers();
    const group = new ConsumerGroup('g', logger);
    const a = await group.join(joinRequest('', 'a', 5000));
    await group.sync(a.memberId, 1, new Map());
    group.heartbeat(a.memberId, 1);
    const bJoin = group.join(joinRequest('', 'b', 5000));
    jest.advanceTimersByTime(5000);
    const b = await bJoin;
    expect(b).toMatchObject({ generationId: 2, leaderId: b.memberId });
    expect(group.members.has(a.memberId)).toBe(false);
    expect(group.heartbeat(a.memberId, 1)).toBe(ErrorCode.UnknownMemberId);
  });
});
