import { NotificationRejectedError, NotificationUnavailableError } from '../notification.port';
import type { Sms, SmsGateway } from './sms-gateway';

export interface HttpSmsGatewayOptions {
  /** The provider's send endpoint. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** How long one send may take, body included; 5000 by default. */
  timeoutMs?: number;
  /** Defaults to Node's global fetch. */
  fetch?: typeof fetch;
}

/**
 * An SMS provider reached over HTTP(S): `POST url` with JSON `{ id, to, text }` and the message id
 * as `Idempotency-Key`, so a retry after a lost answer is not a second SMS. The answer is 2xx with
 * `{ messageId }`.
 *
 * Only 400 and 422 say the message itself is wrong and end its retries. Everything else — 408,
 * 429, 5xx, but also 401/403/404, which mean our token or URL is wrong — is transient: fixing the
 * configuration must not have cost the petitioner the notices sent meanwhile.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly name = 'http';
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    const { protocol } = new URL(options.url);
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`SMS provider URL must be http(s), got ${protocol}`);
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async sendSms(sms: Sms): Promise<{ providerMessageId: string }> {
    const fetchFn = this.options.fetch ?? fetch;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': sms.id };
    if (this.options.token) headers['Authorization'] = `Bearer ${this.options.token}`;

    let status: number;
    let body: string;
    try {
      const res = await fetchFn(this.options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: sms.id, to: sms.to, text: sms.text }),
        signal: AbortSignal.timeout(this.timeoutMs),
        // A provider API does not move; following a redirect could carry the token elsewhere.
        redirect: 'error',
      });
      status = res.status;
      body = await res.text();
    } catch (err) {
      if (errorLike(err)?.name === 'TimeoutError') {
        throw new NotificationUnavailableError(`no answer within ${this.timeoutMs} ms`, { cause: err });
      }
      throw new NotificationUnavailableError(`request failed: ${describe(err)}`, { cause: err });
    }

    if (status >= 200 && status < 300) {
      const messageId = (parseJson(body) as { messageId?: unknown } | undefined)?.messageId;
      // Accepted or not, we cannot tell; retrying under the same Idempotency-Key is safe.
      if (typeof messageId !== 'string' || messageId === '') {
        throw new NotificationUnavailableError(`answered ${status} without a messageId`);
      }
      return { providerMessageId: messageId };
    }
    if (status === 400 || status === 422) throw new NotificationRejectedError(messageOf(body) ?? `provider answered ${status}`);
    throw new NotificationUnavailableError(`provider answered ${status}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `message` of a JSON error body (a list of messages, as Nest's validation gives, joined), shortened for logs. */
function messageOf(body: string): string | undefined {
  const message = (parseJson(body) as { message?: unknown } | undefined)?.message;
  const text = Array.isArray(message) ? message.filter((m) => typeof m === 'string').join('; ') : message;
  return typeof text === 'string' && text !== '' ? text.slice(0, 300) : undefined;
}

/**
 * Duck-typed rather than `instanceof Error`: fetch's errors come from Node's own realm, which is
 * not the caller's under Jest's VM sandbox.
 */
function errorLike(err: unknown): { name?: unknown; message?: unknown; cause?: unknown } | undefined {
  return typeof err === 'object' && err !== null ? err : undefined;
}

/** fetch reports a network failure as `TypeError: fetch failed` with the real reason (ECONNREFUSED…) as its cause. */
function describe(err: unknown): string {
  const e = errorLike(err);
  if (typeof e?.message !== 'string') return String(err);
  const cause = errorLike(e.cause)?.message;
  return typeof cause === 'string' ? `${e.message} (${cause})` : e.message;
}
