import { randomUUID } from 'node:crypto';
import { IsISO8601, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';

/**
 * The envelope every event travels in. `petitionId` is the Kafka key of petition topics; for
 * directory events it is null and the key is the unit id. Trace context travels in Kafka headers,
 * not here. Events never carry raw PII: a pseudonymous petitioner ref and a masked name only.
 */
export interface EventEnvelope<TPayload = unknown, TType extends string = string> {
  eventId: string;
  type: TType;
  version: number;
  petitionId: string | null;
  /** ISO-8601 instant with offset, from the producing service's clock. */
  occurredAt: string;
  producer: string;
  /** The event that caused this one, if any. */
  causationId: string | null;
  /** Shared by every event of one business flow (usually the first event's id). */
  correlationId: string;
  payload: TPayload;
}

/** Validation class for the envelope fields; the payload is validated by its own class. */
export class EventEnvelopeSchema {
  @IsUUID()
  eventId!: string;

  @IsString()
  @Length(3, 100)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  petitionId!: string | null;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @Length(1, 100)
  producer!: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  causationId!: string | null;

  @IsUUID()
  correlationId!: string;

  @IsObject()
  payload!: Record<string, unknown>;
}

/** What a producer supplies to build an envelope; ids and defaults are filled in. */
export interface NewEvent<TPayload, TType extends string = string> {
  type: TType;
  version?: number;
  petitionId: string | null;
  payload: TPayload;
  /** The event being handled when this one is produced (sets causation and correlation). */
  cause?: Pick<EventEnvelope, 'eventId' | 'correlationId'>;
}

/** Builds a complete envelope stamped with the producing service and its clock's time. */
export function createEnvelope<TPayload, TType extends string>(
  producer: string,
  now: Date,
  event: NewEvent<TPayload, TType>,
): EventEnvelope<TPayload, TType> {
  const eventId = randomUUID();
  return {
    eventId,
    type: event.type,
    version: event.version ?? 1,
    petitionId: event.petitionId,
    occurredAt: toOffsetIso(now),
    producer,
    causationId: event.cause?.eventId ?? null,
    correlationId: event.cause?.correlationId ?? eventId,
    payload: event.payload,
  };
}

/**
 * Formats an instant as ISO-8601 in Asia/Shanghai with an explicit `+08:00` offset, the same way
 * libs/deadlines does: milliseconds only when they are not zero, so the same instant always has
 * the same text (`2026-10-09T00:00:00+08:00`).
 */
export function toOffsetIso(instant: Date): string {
  const text = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return (text.endsWith('.000Z') ? text.slice(0, -5) : text.slice(0, -1)) + '+08:00';
}
