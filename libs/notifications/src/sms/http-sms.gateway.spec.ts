import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationRejectedError, NotificationUnavailableError } from '../notification.port';
import { HttpSmsGateway } from './http-sms.gateway';

/** A provider on a real local port; each test says how it answers. */
describe('HttpSmsGateway', () => {
  let server: Server;
  let url: string;
  let answer: (res: ServerResponse) => void;
  let received: Array<{ method?: string; headers: IncomingHttpHeaders; body: string }>;
  const sms = { id: 'notice-7', to: '13812345678', text: '您的信访事项已受理。' };
  const json = (status: number, body: unknown) => (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };

  // A server per test: a fresh origin, so fetch never reuses a connection an earlier test cut.
  beforeEach(async () => {
    received = [];
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method, headers: req.headers, body });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts the message as JSON with the idempotency key and token, and returns the provider’s id', async () => {
    answer = json(202, { messageId: 'prov-123' });
    await expect(new HttpSmsGateway({ url, token: 's3cret' }).sendSms(sms)).resolves.toEqual({ providerMessageId: 'prov-123' });
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req.method).toBe('POST');
    expect(req.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'notice-7',
      authorization: 'Bearer s3cret',
    });
    expect(JSON.parse(req.body)).toEqual(sms);
  });

  it('sends no Authorization header without a token', async () => {
    answer = json(200, { messageId: 'prov-1' });
    await new HttpSmsGateway({ url }).sendSms(sms);
    expect(received[0].headers.authorization).toBeUndefined();
  });

  it('rejects on 422 and 400 with the provider’s message', async () => {
    answer = json(422, { message: '号码已停机' });
    const err = await new HttpSmsGateway({ url }).sendSms(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotificationRejectedError);
    expect(err).toMatchObject({ code: 'NOTIFICATION_REJECTED', reason: '号码已停机' });

    answer = json(400, { message: ['to must be a mobile number', 'text too long'] });
    await expect(new HttpSmsGateway({ url }).sendSms(sms)).rejects.toMatchObject({ reason: 'to must be a mobile number; text too long' });

    answer = (res) => res.writeHead(400).end('bad');
    await expect(new HttpSmsGateway({ url }).sendSms(sms)).rejects.toMatchObject({ reason: 'provider answered 400' });
  });

  it.each([503, 500, 429, 408, 401])('is unavailable on %i', async (status) => {
    answer = json(status, { message: 'busy' });
    const err = await new HttpSmsGateway({ url }).sendSms(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotificationUnavailableError);
    expect(err).toMatchObject({ code: 'NOTIFICATION_UNAVAILABLE', reason: `provider answered ${status}` });
  });

  it('is unavailable on a 2xx without a messageId', async () => {
    answer = (res) => res.writeHead(200).end('OK');
    await expect(new HttpSmsGateway({ url }).sendSms(sms)).rejects.toBeInstanceOf(NotificationUnavailableError);
  });

  it('is unavailable when the provider does not answer in time', async () => {
    answer = () => undefined;
    const err = await new HttpSmsGateway({ url, timeoutMs: 200 }).sendSms(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotificationUnavailableError);
    expect(err).toMatchObject({ reason: 'no answer within 200 ms' });
  });

  it('is unavailable when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await new HttpSmsGateway({ url: `http://127.0.0.1:${port}/sms` }).sendSms(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotificationUnavailableError);
    expect((err as NotificationUnavailableError).reason).toMatch(/ECONNREFUSED/);
  });

  it('refuses a URL that is not http(s) when it is built', () => {
    expect(() => new HttpSmsGateway({ url: 'ftp://sms.example/send' })).toThrow(/http/);
    expect(() => new HttpSmsGateway({ url: 'not a url' })).toThrow();
  });
});
