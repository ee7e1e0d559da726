import {
  type DeliveryReceipt,
  isNotificationError,
  type NotificationPort,
  NotificationRejectedError,
  NotificationUnavailableError,
  type OutgoingMessage,
} from '../notification.port';
import type { SmsGateway } from './sms-gateway';

/**
 * A long SMS is split by carriers into 67-character segments (each loses 3 to the concatenation
 * header; a single one holds 70), and providers cap how many they join. 500 is the usual cap and
 * far above any notice we write. Lengths are UTF-16 code units, as carriers count UCS-2: an emoji
 * counts 2.
 */
export const MAX_SMS_TEXT_LENGTH = 500;

/** How many SMS segments a carrier bills for `text`. */
export function smsSegments(text: string): number {
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/**
 * `to` as the digits of a mainland mobile number (spaces, dashes and a leading +86/86 removed;
 * full-width digits read as digits), or null when it is not one.
 */
export function normaliseMobileNumber(to: string): string | null {
  const digits = to
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/^\+?86(?=\d{11}$)/, '');
  return MOBILE_NUMBER.test(digits) ? digits : null;
}

export type PersonalDataKind = 'resident_id' | 'mobile_number';

/**
 * Only a whole number counts: a longer digit run (an order id) is something else, and a masked
 * one (138****5678, 4401**********1234) is what notices should show instead. A checksum-invalid
 * ID still matches: a mistyped ID is still someone's personal data.
 */
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/;
/** Also grouped as 138 1234 5678 or 138-1234-5678, and with +86 in front. */
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d([\s-]?)\d{4}\1\d{4}(?!\d)/;

/**
 * The kinds of personal data `text` contains in full: a resident ID number or a mobile number.
 * SMS passes through carriers and sits on shared phones, so notices never carry them (they show
 * masked numbers); a message that does is refused rather than sent.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  // Full-width digits (typed in a Chinese IME) are still digits to a reader.
  const t = text.normalize('NFKC');
  const found: PersonalDataKind[] = [];
  if (RESIDENT_ID.test(t)) found.push('resident_id');
  if (MOBILE_IN_TEXT.test(t)) found.push('mobile_number');
  return found;
}

/**
 * `text` with every full resident ID number and mobile number masked as staff lists show them
 * (4401**********1234, 138****5678): for free text written by staff (an answer, a reason) that a
 * notice quotes. Masks what {@link findPersonalData} finds, so a masked text passes the guard.
 */
export function maskPersonalData(text: string): string {
  // Only the digits are read as digits: NFKC on the whole text would also turn the Chinese
  // punctuation (：，（）) into ASCII.
  const t = text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return t
    .replace(new RegExp(RESIDENT_ID.source, 'g'), (id) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`)
    .replace(new RegExp(MOBILE_IN_TEXT.source, 'g'), (m) => {
      const digits = m.replace(/\D/g, '').slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    });
}

/**
 * Sends notices as SMS through a {@link SmsGateway}, after refusing what must never go out: a
 * number that is not a mainland mobile, an empty or over-long text, or a text with personal data.
 * Whatever else the gateway throws becomes NotificationUnavailableError, so only a refusal is
 * ever final.
 */
export class SmsNotificationAdapter implements NotificationPort {
  readonly name: string;

  constructor(
    private readonly gateway: SmsGateway,
    private readonly now: () => Date,
  ) {
    this.name = `sms:${gateway.name}`;
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    if (!message.id) throw new NotificationRejectedError('message has no id');
    const to = normaliseMobileNumber(message.to);
    if (to === null) throw new NotificationRejectedError('recipient is not a mainland mobile number');
    if (message.text.trim() === '') throw new NotificationRejectedError('text is empty');
    if (message.text.length > MAX_SMS_TEXT_LENGTH) {
      throw new NotificationRejectedError(`text is ${message.text.length} characters, over the ${MAX_SMS_TEXT_LENGTH} an SMS can carry`);
    }
    const personal = findPersonalData(message.text);
    if (personal.length > 0) throw new NotificationRejectedError(`text contains personal data (${personal.join(', ')})`);

    let sent: { providerMessageId: string };
    try {
      sent = await this.gateway.sendSms({ id: message.id, to, text: message.text });
    } catch (err) {
      if (isNotificationError(err)) throw err;
      throw new NotificationUnavailableError(`${this.gateway.name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    return { provider: this.gateway.name, providerMessageId: sent.providerMessageId, acceptedAt: this.now() };
  }
}
