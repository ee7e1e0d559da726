import { randomUUID } from 'node:crypto';
import type { Sms, SmsGateway } from './sms-gateway';

/** An SMS the local gateway kept instead of sending. */
export interface SentMessage extends Sms {
  sentAt: Date;
}

/**
 * Where the local gateway keeps what it "sends"; the host implements it with its own table.
 * Idempotent by id: recording an id again returns the first record's providerMessageId and
 * changes nothing, as a real provider does with a repeated idempotency key.
 */
export interface SentMessageStore {
  record(sms: SentMessage): Promise<{ providerMessageId: string }>;
}

/**
 * The embedded default: no provider, no network. Notices land in the host's table, where the demo
 * and the tests read them.
 */
export class LocalSmsGateway implements SmsGateway {
  readonly name = 'local';

  constructor(
    private readonly store: SentMessageStore,
    private readonly now: () => Date,
  ) {}

  sendSms(sms: Sms): Promise<{ providerMessageId: string }> {
    return this.store.record({ id: sms.id, to: sms.to, text: sms.text, sentAt: this.now() });
  }
}

const copy = (m: SentMessage): SentMessage => ({ id: m.id, to: m.to, text: m.text, sentAt: new Date(m.sentAt.getTime()) });

/** A {@link SentMessageStore} in memory, for unit tests and tools. */
export class InMemorySentMessageStore implements SentMessageStore {
  private readonly byId = new Map<string, { message: SentMessage; providerMessageId: string }>();

  async record(sms: SentMessage): Promise<{ providerMessageId: string }> {
    const existing = this.byId.get(sms.id);
    if (existing) return { providerMessageId: existing.providerMessageId };
    const providerMessageId = `local-${randomUUID()}`;
    this.byId.set(sms.id, { message: copy(sms), providerMessageId });
    return { providerMessageId };
  }

  /** Every message recorded, in recording order; copies, so a caller cannot change the store. */
  list(): Array<SentMessage & { providerMessageId: string }> {
    return [...this.byId.values()].map(({ message, providerMessageId }) => ({ ...copy(message), providerMessageId }));
  }
}
