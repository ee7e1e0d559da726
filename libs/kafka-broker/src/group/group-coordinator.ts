import type { BrokerLogger } from '../broker-options';
import { ErrorCode } from '../protocol/error-code';
import type { OffsetStore, OffsetCommitEntry } from '../storage/offset-store';
import type { TopicRegistry } from '../storage/topic-registry';
import { ConsumerGroup } from './consumer-group';
import type { GroupState, JoinRequest } from './consumer-group';
import type { JoinResult, SyncResult } from './group-member';

const SWEEP_INTERVAL_MS = 250;
/** Kafka's offset.metadata.max.bytes default. */
const MAX_OFFSET_METADATA_CHARS = 4096;

/** A group as DescribeGroups reports it. */
export interface GroupDescription {
  groupId: string;
  state: GroupState;
  protocolType: string;
  protocol: string;
  members: Array<{ memberId: string; clientId: string; clientHost: string; metadata: Buffer; assignment: Buffer }>;
}

/** One partition's outcome in OffsetCommit. */
export interface CommitOutcome {
  topic: string;
  partition: number;
  errorCode: ErrorCode;
}

/**
 * The single coordinator of every consumer group: routes group requests to their group,
 * validates and stores offset commits, and expires members whose session lapsed.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly offsets: OffsetStore,
    private readonly topics: TopicRegistry,
    private readonly logger: BrokerLogger,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  join(groupId: string, request: JoinRequest): Promise<JoinResult> {
    if (groupId === '') {
      return Promise.resolve({
        errorCode: ErrorCode.InvalidGroupId,
        generationId: -1,
        protocol: null,
        leaderId: '',
        memberId: request.memberId,
        members: [],
      });
    }
    let group = this.groups.get(groupId);
    if (group === undefined) {
      group = new ConsumerGroup(groupId, this.logger);
      this.groups.set(groupId, group);
    }
    return group.join(request);
  }

  sync(groupId: string, memberId: string, generationId: number, assignments: Map<string, Buffer>): Promise<SyncResult> {
    const group = this.groups.get(groupId);
    if (group === undefined) return Promise.resolve({ errorCode: ErrorCode.UnknownMemberId, assignment: Buffer.alloc(0) });
    return group.sync(memberId, generationId, assignments);
  }

  heartbeat(groupId: string, memberId: string, generationId: number): ErrorCode {
    return this.groups.get(groupId)?.heartbeat(memberId, generationId) ?? ErrorCode.UnknownMemberId;
  }

  leave(groupId: string, memberId: string): ErrorCode {
    return this.groups.get(groupId)?.leave(memberId) ?? ErrorCode.UnknownMemberId;
  }

  /**
   * Validates and stores an OffsetCommit. Resolves once the accepted commits are persisted.
   * @returns one outcome per requested partition, in request order
   */
  async commit(groupId: string, generationId: number, memberId: string, entries: OffsetCommitEntry[]): Promise<CommitOutcome[]> {
    const outcome = (entry: OffsetCommitEntry, errorCode: ErrorCode): CommitOutcome => ({
      topic: entry.topic,
      partition: entry.partition,
      errorCode,
    });
    if (groupId === '') return entries.map((e) => outcome(e, ErrorCode.InvalidGroupId));
    const group = this.groups.get(groupId);
    // Without a group, only a "simple" commit (generation -1, as admin.setOffsets sends) is valid.
    const groupError =
      group === undefined ? (generationId < 0 ? ErrorCode.None : ErrorCode.IllegalGeneration) : group.checkCommit(memberId, generationId);
    if (groupError !== ErrorCode.None) return entries.map((e) => outcome(e, groupError));
    const outcomes = entries.map((entry) => {
      const topic = this.topics.get(entry.topic);
      if (topic?.partition(entry.partition) === undefined) return outcome(entry, ErrorCode.UnknownTopicOrPartition);
      if ((entry.metadata?.length ?? 0) > MAX_OFFSET_METADATA_CHARS) return outcome(entry, ErrorCode.OffsetMetadataTooLarge);
      return outcome(entry, ErrorCode.None);
    });
    const accepted = entries.filter((_, i) => outcomes[i].errorCode === ErrorCode.None);
    if (accepted.length > 0) await this.offsets.commit(groupId, accepted);
    return outcomes;
  }

  /**
   * Committed offsets for OffsetFetch; null topics means every committed partition.
   * @returns offset -1 and metadata '' where nothing is committed
   */
  fetchOffsets(
    groupId: string,
    topics: Array<{ topic: string; partitions: number[] }> | null,
  ): Array<{ topic: string; partitions: Array<{ partition: number; offset: bigint; metadata: string | null }> }> {
    if (topics === null) return this.offsets.groupOffsets(groupId);
    return topics.map(({ topic, partitions }) => ({
      topic,
      partitions: partitions.map((partition) => {
        const committed = this.offsets.get(groupId, topic, partition);
        return { partition, offset: committed?.offset ?? -1n, metadata: committed?.metadata ?? '' };
      }),
    }));
  }

  describe(groupId: string): GroupDescription {
    const group = this.groups.get(groupId);
    if (group === undefined) {
      const state: GroupState = this.offsets.hasOffsets(groupId) ? 'Empty' : 'Dead';
      return { groupId, state, protocolType: '', protocol: '', members: [] };
    }
    const stable = group.state === 'Stable';
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocol: stable ? (group.protocol ?? '') : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? m.metadataFor(group.protocol) : Buffer.alloc(0),
        assignment: stable ? m.assignment : Buffer.alloc(0),
      })),
    };
  }

  /** Groups with members or committed offsets. */
  list(): Array<{ groupId: string; protocolType: string }> {
    const ids = new Set([...this.groups.keys(), ...this.offsets.groupIds()]);
    return [...ids].sort().map((groupId) => ({ groupId, protocolType: this.groups.get(groupId)?.protocolType ?? '' }));
  }

  /** DeleteGroups: only groups without members; their offsets go too. */
  async delete(groupId: string): Promise<ErrorCode> {
    const group = this.groups.get(groupId);
    if (group !== undefined && group.members.size > 0) return ErrorCode.NonEmptyGroup;
    if (group === undefined && !this.offsets.hasOffsets(groupId)) return ErrorCode.GroupIdNotFound;
    group?.shutdown();
    this.groups.delete(groupId);
    await this.offsets.deleteGroup(groupId);
    this.logger.info(`deleted group ${groupId}`);
    return ErrorCode.None;
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.groups.forEach((group) => group.shutdown());
  }

  private sweep(): void {
    for (const [groupId, group] of this.groups) {
      group.expireMembers();
      // An empty group with nothing committed is forgotten, as Kafka eventually does.
      if (group.state === 'Empty' && group.members.size === 0 && !this.offsets.hasOffsets(groupId)) {
        group.shutdown();
        this.groups.delete(groupId);
      }
    }
  }
}
