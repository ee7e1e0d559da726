import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { MessagingLogger } from '../logger';

/** Where and how to reach Kafka; the same code talks to Apache Kafka or the development broker. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  ssl?: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

/** kafkajs client options shared by producers, consumers and Nest's Kafka transport. */
export function kafkaClientConfig(settings: KafkaSettings, logger: MessagingLogger): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl as KafkaConfig['sasl'],
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      const fields = { kafka: entry.namespace, ...rest };
      if (entry.level <= logLevel.ERROR) logger.error(fields, message);
      else if (entry.level === logLevel.WARN) logger.warn(fields, message);
      else logger.debug(fields, message);
    },
  };
}

/** A kafkajs client from {@link KafkaSettings}. */
export function createKafka(settings: KafkaSettings, logger: MessagingLogger): Kafka {
  return new Kafka(kafkaClientConfig(settings, logger));
}
