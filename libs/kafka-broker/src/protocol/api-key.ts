/** Kafka API keys this broker knows about (the numbers are fixed by the protocol). */
export enum ApiKey {
  Produce = 0,
  Fetch = 1,
  ListOffsets = 2,
  Metadata = 3,
  OffsetCommit = 8,
  OffsetFetch = 9,
  FindCoordinator = 10,
  JoinGroup = 11,
  Heartbeat = 12,
  LeaveGroup = 13,
  SyncGroup = 14,
  DescribeGroups = 15,
  ListGroups = 16,
  ApiVersions = 18,
  CreateTopics = 19,
  DeleteTopics = 20,
  InitProducerId = 22,
  DeleteGroups = 42,
}

/**
 * A readable name for logs, also for keys this broker does not implement.
 * @returns e.g. `Fetch` or `ApiKey(57)`
 */
export function apiKeyName(apiKey: number): string {
  return ApiKey[apiKey] ?? `ApiKey(${apiKey})`;
}
