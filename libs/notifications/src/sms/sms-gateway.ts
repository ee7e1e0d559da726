/** One SMS as a provider receives it: `to` is already a normalised mainland mobile number. */
export interface Sms {
  /** The provider's idempotency key: the same id sent twice is one message. */
  id: string;
  to: string;
  text: string;
}

/**
 * What a production SMS provider implements. It may throw NotificationRejectedError or
 * NotificationUnavailableError; anything else it throws is treated as transient.
 */
export interface SmsGateway {
  readonly name: string;
  sendSms(sms: Sms): Promise<{ providerMessageId: string }>;
}
