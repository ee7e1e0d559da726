/**
 * Topic registry. Topics are `<stream>.v<major>`; the key is the petition id (directory: the unit
 * id), so one petition's events keep their order within a topic.
 */
export const Topics = {
  intake: 'petition.intake.v1',
  dispatch: 'petition.dispatch.v1',
  handling: 'petition.handling.v1',
  supervision: 'petition.supervision.v1',
  directory: 'directory.v1',
} as const;

/** A topic name from the registry. */
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Every topic the platform publishes, with the partition count production creates it with. */
export const TopicDefinitions: ReadonlyArray<{ name: TopicName; partitions: number; compacted: boolean }> = [
  { name: Topics.intake, partitions: 6, compacted: false },
  { name: Topics.dispatch, partitions: 6, compacted: false },
  { name: Topics.handling, partitions: 6, compacted: false },
  { name: Topics.supervision, partitions: 6, compacted: false },
  { name: Topics.directory, partitions: 3, compacted: true },
];

/** Dead-letter topic of a consumer group: where poison messages go, with the error in headers. */
export function deadLetterTopic(groupId: string): string {
  return `${groupId}.dlq`;
}

/** Kafka header names the platform sets on every event. */
export const EventHeaders = {
  eventType: 'event-type',
  eventId: 'event-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  dlqError: 'dlq-error',
  dlqSourceTopic: 'dlq-source-topic',
  dlqSourcePartition: 'dlq-source-partition',
  dlqSourceOffset: 'dlq-source-offset',
} as const;
