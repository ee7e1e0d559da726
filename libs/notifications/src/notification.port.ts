/** Injection token of the {@link NotificationPort} a service sends notices through. */
export const NOTIFICATION_PORT = Symbol('NOTIFICATION_PORT');

/** A notice to one person, in Chinese text. */
export interface OutgoingMessage {
  /** Unique per notice and stable across retries: the provider's idempotency key, so a retry never sends twice. */
  id: string;
  /** Mainland mobile number, digits only. */
  to: string;
  text: string;
  /** What the notice is about (e.g. a petition id), for the provider's records. */
  reference?: string;
}

/** The provider accepted the message; delivery to the handset is the carrier's business from here. */
export interface DeliveryReceipt {
  provider: string;
  providerMessageId: string;
  acceptedAt: Date;
}

/**
 * Sends notices to petitioners (and later staff). Failures are one of the two errors below, so
 * the caller's outbox knows whether to retry without knowing the provider.
 */
export interface NotificationPort {
  readonly name: string;
  /**
   * @throws NotificationRejectedError when the message can never be delivered as it is.
   * @throws NotificationUnavailableError when it may succeed later.
   */
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
}

/**
 * Permanent: the message can never be delivered as it is (bad number, text refused). Do not
 * retry. `reason` never repeats the number or the personal data found, so it is safe to log.
 */
export class NotificationRejectedError extends Error {
  readonly code = 'NOTIFICATION_REJECTED';

  constructor(readonly reason: string) {
    super(`notification rejected: ${reason}`);
    this.name = 'NotificationRejectedError';
  }
}

/** Transient: the provider is down, slow, throttling or failing. Retry later with the same message id. */
export class NotificationUnavailableError extends Error {
  readonly code = 'NOTIFICATION_UNAVAILABLE';

  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`notification provider unavailable: ${reason}`, options);
    this.name = 'NotificationUnavailableError';
  }
}

/** Whether `err` is one of the two notification errors, which pass through adapters unchanged. */
export function isNotificationError(err: unknown): err is NotificationRejectedError | NotificationUnavailableError {
  return err instanceof NotificationRejectedError || err instanceof NotificationUnavailableError;
}
