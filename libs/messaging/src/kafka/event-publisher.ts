import { CompressionTypes, type Kafka, type Producer, type TopicMessages } from 'kafkajs';

/** A message ready for Kafka: value is the serialised envelope. */
export interface OutgoingMessage {
  topic: string;
  key: string | null;
  value: string | Buffer | null;
  headers: Record<string, string>;
}

/**
 * The service's one Kafka producer: idempotent, acks from all in-sync replicas, one request in
 * flight so a retry can never reorder a key's events.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  /** Sends messages (any mix of topics) and resolves once Kafka has acknowledged all of them. */
  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, TopicMessages>();
    for (const m of messages) {
      let entry = byTopic.get(m.topic);
      if (!entry) byTopic.set(m.topic, (entry = { topic: m.topic, messages: [] }));
      entry.messages.push({ key: m.key, value: m.value, headers: m.headers });
    }
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1, compression: CompressionTypes.None });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
