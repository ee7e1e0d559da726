import { randomUUID } from 'node:crypto';
import type { BrokerLogger } from '../broker-options';
import { ErrorCode } from '../protocol/error-code';
import { GroupMember } from './group-member';
import type { JoinResult, MemberProtocol, SyncResult } from './group-member';

/** Group states, spelled exactly as DescribeGroups reports them. */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** A JoinGroup as the group sees it. */
export interface JoinRequest {
  memberId: string;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: MemberProtocol[];
}

const NO_ASSIGNMENT = Buffer.alloc(0);

/**
 * One consumer group's membership state machine (Empty → PreparingRebalance →
 * CompletingRebalance → Stable), following Kafka's group coordinator: JoinGroup responses are
 * held until every member has rejoined or the rebalance timeout evicts the stragglers, only the
 * leader receives the member list, and SyncGroup responses wait for the leader's assignment.
 * A brand-new group completes its first join at once (no initial rebalance delay).
 */
export class ConsumerGroup {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocol: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  private rebalanceTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly groupId: string,
    private readonly logger: BrokerLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Handles JoinGroup; the promise stays pending while the response is held. */
  join(request: JoinRequest): Promise<JoinResult> {
    const refuse = (errorCode: ErrorCode): Promise<JoinResult> =>
      Promise.resolve({ errorCode, generationId: -1, protocol: null, leaderId: '', memberId: request.memberId, members: [] });
    const existing = request.memberId === '' ? undefined : this.members.get(request.memberId);
    if (request.memberId !== '' && existing === undefined) return refuse(ErrorCode.UnknownMemberId);
    if (!this.acceptsProtocols(request)) return refuse(ErrorCode.InconsistentGroupProtocol);

    const member = existing ?? new GroupMember(`${request.clientId}-${randomUUID()}`, request.clientId, request.clientHost);
    const protocolsChanged = !member.sameProtocols(request.protocols);
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.protocols = request.protocols;
    member.lastHeardMs = this.now();
    if (existing === undefined) this.members.set(member.memberId, member);
    this.protocolType = request.protocolType;

    const isFollowerRejoin = existing !== undefined && !protocolsChanged && member.memberId !== this.leaderId;
    if (this.state === 'CompletingRebalance' && existing !== undefined && !protocolsChanged) {
      return Promise.resolve(this.joinResultFor(member));
    }
    if (this.state === 'Stable' && isFollowerRejoin) return Promise.resolve(this.joinResultFor(member));

    const held = new Promise<JoinResult>((resolve) => {
      member.pendingJoin?.({ ...this.joinResultFor(member), errorCode: ErrorCode.RebalanceInProgress });
      member.pendingJoin = resolve;
    });
    if (this.state !== 'PreparingRebalance') {
      this.prepareRebalance(existing === undefined ? `member ${member.memberId} joined` : `member ${member.memberId} rejoined`);
    }
    this.tryCompleteJoin();
    return held;
  }

  /** Handles SyncGroup; followers wait for the leader's assignment. */
  sync(memberId: string, generationId: number, assignments: Map<string, Buffer>): Promise<SyncResult> {
    const refuse = (errorCode: ErrorCode): Promise<SyncResult> => Promise.resolve({ errorCode, assignment: NO_ASSIGNMENT });
    const member = this.members.get(memberId);
    if (member === undefined || this.state === 'Empty' || this.state === 'Dead') return refuse(ErrorCode.UnknownMemberId);
    if (generationId !== this.generationId) return refuse(ErrorCode.IllegalGeneration);
    member.lastHeardMs = this.now();
    if (this.state === 'PreparingRebalance') return refuse(ErrorCode.RebalanceInProgress);
    if (this.state === 'Stable') return Promise.resolve({ errorCode: ErrorCode.None, assignment: member.assignment });

    const held = new Promise<SyncResult>((resolve) => {
      member.pendingSync?.({ errorCode: ErrorCode.RebalanceInProgress, assignment: NO_ASSIGNMENT });
      member.pendingSync = resolve;
    });
    if (memberId === this.leaderId) {
      for (const m of this.members.values()) m.assignment = assignments.get(m.memberId) ?? NO_ASSIGNMENT;
      this.state = 'Stable';
      this.logger.info(`group ${this.groupId}: generation ${this.generationId} stable with ${this.members.size} member(s)`);
      for (const m of this.members.values()) {
        const resolve = m.pendingSync;
        m.pendingSync = null;
        resolve?.({ errorCode: ErrorCode.None, assignment: m.assignment });
      }
    }
    return held;
  }

  heartbeat(memberId: string, generationId: number): ErrorCode {
    const member = this.members.get(memberId);
    if (member === undefined || this.state === 'Empty' || this.state === 'Dead') return ErrorCode.UnknownMemberId;
    member.lastHeardMs = this.now();
    if (generationId !== this.generationId) return ErrorCode.IllegalGeneration;
    if (this.state === 'PreparingRebalance') return ErrorCode.RebalanceInProgress;
    return ErrorCode.None;
  }

  leave(memberId: string): ErrorCode {
    const member = this.members.get(memberId);
    if (member === undefined) return ErrorCode.UnknownMemberId;
    this.removeMember(member, `member ${memberId} left`);
    return ErrorCode.None;
  }

  /**
   * Whether an OffsetCommit from this member and generation may be stored. Commits of the
   * current generation are accepted during PreparingRebalance: kafkajs commits right after
   * it learns of a rebalance.
   */
  checkCommit(memberId: string, generationId: number): ErrorCode {
    if (generationId < 0 && memberId === '') {
      return this.members.size === 0 ? ErrorCode.None : ErrorCode.UnknownMemberId;
    }
    const member = this.members.get(memberId);
    if (member === undefined) return ErrorCode.UnknownMemberId;
    if (generationId !== this.generationId) return ErrorCode.IllegalGeneration;
    if (this.state === 'CompletingRebalance') return ErrorCode.RebalanceInProgress;
    member.lastHeardMs = this.now();
    return ErrorCode.None;
  }

  /** Removes members not heard from within their session timeout, unless a response is held. */
  expireMembers(): void {
    const nowMs = this.now();
    for (const member of [...this.members.values()]) {
      if (member.awaitingResponse || nowMs - member.lastHeardMs <= member.sessionTimeoutMs) continue;
      this.logger.warn(`group ${this.groupId}: member ${member.memberId} expired (no heartbeat for ${member.sessionTimeoutMs} ms)`);
      this.removeMember(member, `member ${member.memberId} expired`);
    }
  }

  /** Answers any held request and stops timers (broker shutdown or group deletion). */
  shutdown(): void {
    this.clearRebalanceTimer();
    for (const member of this.members.values()) {
      member.pendingJoin?.({ ...this.joinResultFor(member), errorCode: ErrorCode.RebalanceInProgress });
      member.pendingSync?.({ errorCode: ErrorCode.RebalanceInProgress, assignment: NO_ASSIGNMENT });
      member.pendingJoin = null;
      member.pendingSync = null;
    }
  }

  private acceptsProtocols(request: JoinRequest): boolean {
    if (request.protocolType === '' || request.protocols.length === 0) return false;
    const others = [...this.members.values()].filter((m) => m.memberId !== request.memberId);
    if (others.length === 0) return true;
    if (request.protocolType !== this.protocolType) return false;
    return request.protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  private prepareRebalance(reason: string): void {
    if (this.state === 'CompletingRebalance') {
      for (const member of this.members.values()) {
        const resolve = member.pendingSync;
        member.pendingSync = null;
        resolve?.({ errorCode: ErrorCode.RebalanceInProgress, assignment: NO_ASSIGNMENT });
      }
    }
    this.state = 'PreparingRebalance';
    this.logger.info(`group ${this.groupId}: rebalancing (${reason})`);
    this.clearRebalanceTimer();
    const timeoutMs = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    this.rebalanceTimer = setTimeout(() => this.completeJoin(), timeoutMs);
    this.rebalanceTimer.unref();
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance') return;
    for (const member of this.members.values()) if (member.pendingJoin === null) return;
    this.completeJoin();
  }

  /** Ends the join phase: evicts members that did not rejoin, bumps the generation, answers joins. */
  private completeJoin(): void {
    this.clearRebalanceTimer();
    for (const member of [...this.members.values()]) {
      if (member.pendingJoin !== null) continue;
      this.logger.warn(`group ${this.groupId}: member ${member.memberId} did not rejoin in time; removed`);
      this.members.delete(member.memberId);
    }
    this.generationId++;
    if (this.members.size === 0) {
      this.becomeEmpty();
      return;
    }
    this.protocol = this.selectProtocol();
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = this.members.keys().next().value ?? null;
    this.state = 'CompletingRebalance';
    this.logger.info(
      `group ${this.groupId}: generation ${this.generationId} with ${this.members.size} member(s), ` +
        `leader ${this.leaderId}, protocol ${this.protocol}`,
    );
    for (const member of this.members.values()) {
      const resolve = member.pendingJoin;
      member.pendingJoin = null;
      member.lastHeardMs = this.now();
      resolve?.(this.joinResultFor(member));
    }
  }

  private joinResultFor(member: GroupMember): JoinResult {
    const isLeader = member.memberId === this.leaderId;
    return {
      errorCode: ErrorCode.None,
      generationId: this.generationId,
      protocol: this.protocol,
      leaderId: this.leaderId ?? '',
      memberId: member.memberId,
      members: isLeader ? [...this.members.values()].map((m) => ({ memberId: m.memberId, metadata: m.metadataFor(this.protocol) })) : [],
    };
  }

  /** Kafka's vote: each member backs its most preferred protocol that every member supports. */
  private selectProtocol(): string {
    const members = [...this.members.values()];
    const candidates = members[0].protocols
      .map((p) => p.name)
      .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map<string, number>();
    for (const member of members) {
      const choice = member.protocols.find((p) => candidates.includes(p.name));
      if (choice !== undefined) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best = candidates[0];
    for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
    return best;
  }

  private removeMember(member: GroupMember, reason: string): void {
    this.members.delete(member.memberId);
    member.pendingJoin?.({ ...this.joinResultFor(member), errorCode: ErrorCode.UnknownMemberId });
    member.pendingSync?.({ errorCode: ErrorCode.UnknownMemberId, assignment: NO_ASSIGNMENT });
    member.pendingJoin = null;
    member.pendingSync = null;
    if (this.leaderId === member.memberId) this.leaderId = null;
    if (this.state === 'PreparingRebalance') {
      if (this.members.size === 0) {
        this.clearRebalanceTimer();
        this.generationId++;
        this.becomeEmpty();
      } else {
        this.tryCompleteJoin();
      }
      return;
    }
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') {
      if (this.members.size === 0) {
        this.generationId++;
        this.becomeEmpty();
      } else {
        this.prepareRebalance(reason);
      }
    }
  }

  private becomeEmpty(): void {
    this.state = 'Empty';
    this.protocol = null;
    this.leaderId = null;
    this.logger.info(`group ${this.groupId}: empty (generation ${this.generationId})`);
  }

  private clearRebalanceTimer(): void {
    if (this.rebalanceTimer !== null) clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = null;
  }
}
