/** A protocol a member offers in JoinGroup (assigner name + opaque metadata). */
export interface MemberProtocol {
  name: string;
  metadata: Buffer;
}

/** What a held or immediate JoinGroup answers. */
export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocol: string | null;
  leaderId: string;
  memberId: string;
  members: Array<{ memberId: string; metadata: Buffer }>;
}

/** What a held or immediate SyncGroup answers. */
export interface SyncResult {
  errorCode: number;
  assignment: Buffer;
}

/** One member of a consumer group as the coordinator tracks it. */
export class GroupMember {
  sessionTimeoutMs = 0;
  rebalanceTimeoutMs = 0;
  protocols: MemberProtocol[] = [];
  /** Bytes exactly as the leader sent them in SyncGroup. */
  assignment: Buffer = Buffer.alloc(0);
  lastHeardMs = 0;
  pendingJoin: ((result: JoinResult) => void) | null = null;
  pendingSync: ((result: SyncResult) => void) | null = null;

  constructor(
    readonly memberId: string,
    readonly clientId: string,
    readonly clientHost: string,
  ) {}

  /** The member's metadata for a protocol, byte for byte as it sent it. */
  metadataFor(protocol: string | null): Buffer {
    return this.protocols.find((p) => p.name === protocol)?.metadata ?? Buffer.alloc(0);
  }

  sameProtocols(protocols: MemberProtocol[]): boolean {
    return (
      protocols.length === this.protocols.length &&
      protocols.every((p, i) => p.name === this.protocols[i].name && p.metadata.equals(this.protocols[i].metadata))
    );
  }

  /** Awaiting a held JoinGroup or SyncGroup: Kafka does not expire such members. */
  get awaitingResponse(): boolean {
    return this.pendingJoin !== null || this.pendingSync !== null;
  }
}
