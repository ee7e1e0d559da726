import type { KafkaReader } from './kafka-reader';

/** Request header v1: every request kafkajs sends starts with it (no tagged fields). */
export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/**
 * Reads request header v1 from the start of a frame.
 * @returns the header; the reader is left at the first body byte
 */
export function readRequestHeader(reader: KafkaReader): RequestHeader {
  return {
    apiKey: reader.int16(),
    apiVersion: reader.int16(),
    correlationId: reader.int32(),
    clientId: reader.nullableString(),
  };
}
