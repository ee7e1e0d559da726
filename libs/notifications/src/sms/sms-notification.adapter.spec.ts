import { NotificationRejectedError, NotificationUnavailableError, type OutgoingMessage } from '../notification.port';
import { InMemorySentMessageStore, LocalSmsGateway } from './local-sms.gateway';
import type { SmsGateway } from './sms-gateway';
import { findPersonalData, maskPersonalData, normaliseMobileNumber, SmsNotificationAdapter, smsSegments } from './sms-notification.adapter';

const NOW = new Date('2030-01-01T00:00:00Z');
const now = () => NOW;
const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 'notice-1',
  to: '13812345678',
  text: '您的信访事项（编号 440106-20261122-000001）已受理，请留意后续告知。',
  ...over,
});

describe('SmsNotificationAdapter', () => {
  let store: InMemorySentMessageStore;
  let adapter: SmsNotificationAdapter;

  beforeEach(() => {
    store = new InMemorySentMessageStore();
    adapter = new SmsNotificationAdapter(new LocalSmsGateway(store, now), now);
  });

  it('sends to the normalised number and returns the receipt', async () => {
    const receipt = await adapter.send(message({ to: '+86 138-1234-5678', reference: 'petition-1' }));
    expect(receipt).toEqual({ provider: 'local', providerMessageId: expect.any(String), acceptedAt: NOW });
    expect(store.list()).toEqual([
      { id: 'notice-1', to: '13812345678', text: message().text, sentAt: NOW, providerMessageId: receipt.providerMessageId },
    ]);
    expect(adapter.name).toBe('sms:local');
  });

  it.each(['', '12812345678', '1381234567', '138123456789', '02012345678', '+1 13812345678', '138abcd5678'])(
    'refuses the number "%s" without calling the gateway',
    async (to) => {
      await expect(adapter.send(message({ to }))).rejects.toBeInstanceOf(NotificationRejectedError);
      expect(store.list()).toEqual([]);
    },
  );

  it('refuses an empty text and one over 500 characters, and accepts exactly 500', async () => {
    await expect(adapter.send(message({ text: ' \n' }))).rejects.toMatchObject({ code: 'NOTIFICATION_REJECTED', reason: 'text is empty' });
    await expect(adapter.send(message({ text: '字'.repeat(501) }))).rejects.toBeInstanceOf(NotificationRejectedError);
    await expect(adapter.send(message({ text: '字'.repeat(500) }))).resolves.toMatchObject({ provider: 'local' });
  });

  it('refuses a text with a resident ID or a mobile number, without repeating it in the error', async () => {
    for (const text of ['申请人身份证号 11010519491231002X，已受理。', '请联系承办人 13912345678。']) {
      const err = await adapter.send(message({ text })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotificationRejectedError);
      expect((err as Error).message).not.toMatch(/\d{11}/);
    }
    expect(store.list()).toEqual([]);
  });

  it('passes the gateway’s own notification errors through and wraps anything else as transient', async () => {
    const failing = (err: unknown): SmsGateway => ({ name: 'stub', sendSms: () => Promise.reject(err) });
    const rejected = new NotificationRejectedError('blocked by the carrier');
    await expect(new SmsNotificationAdapter(failing(rejected), now).send(message())).rejects.toBe(rejected);
    const unavailable = new NotificationUnavailableError('throttled');
    await expect(new SmsNotificationAdapter(failing(unavailable), now).send(message())).rejects.toBe(unavailable);

    const boom = new Error('socket hang up');
    const err = await new SmsNotificationAdapter(failing(boom), now).send(message()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotificationUnavailableError);
    expect(err).toMatchObject({ code: 'NOTIFICATION_UNAVAILABLE', reason: 'stub: socket hang up', cause: boom });
  });
});

describe('normaliseMobileNumber', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['86-138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('%s', (to, digits) => expect(normaliseMobileNumber(to)).toBe(digits));

  it.each(['11812345678', '8612812345678', '0086 13812345678', ''])('refuses %s', (to) => expect(normaliseMobileNumber(to)).toBeNull());
});

describe('findPersonalData', () => {
  it.each([
    ['身份证 440106199001011234 已核验', ['resident_id']],
    ['身份证 11010519491231002X 已核验', ['resident_id']],
    ['身份证 11010519491231002x', ['resident_id']],
    ['电话13812345678', ['mobile_number']],
    ['电话 138 1234 5678', ['mobile_number']],
    ['电话 138-1234-5678。', ['mobile_number']],
    ['电话 +86 13812345678', ['mobile_number']],
    ['电话 8613812345678', ['mobile_number']],
    ['电话１３８１２３４５６７８', ['mobile_number']],
    ['440106199001011234/13812345678', ['resident_id', 'mobile_number']],
  ])('finds it in "%s"', (text, kinds) => expect(findPersonalData(text)).toEqual(kinds));

  it.each([
    '订单号 20261122000113812345 已支付',
    '流水号 1440106199001011234X',
    '编号 440106-20261122-000001',
    '尾号 138****5678 的手机',
    '身份证 4401**********1234',
    '证号 4401061990010112345678',
    '热线 12345，座机 020-12345678',
    '1381234567 与 12812345678',
  ])('finds nothing in "%s"', (text) => expect(findPersonalData(text)).toEqual([]));
});

describe('smsSegments', () => {
  it.each([
    ['', 1],
    ['字'.repeat(70), 1],
    ['字'.repeat(71), 2],
    ['字'.repeat(134), 2],
    ['字'.repeat(135), 3],
    ['字'.repeat(500), 8],
  ])('%#', (text, n) => expect(smsSegments(text)).toBe(n));
});

describe('maskPersonalData', () => {
  it.each([
    ['请联系 13812345678 办理', '请联系 138****5678 办理'],
    ['电话 138-1234-5678', '电话 138****5678'],
    ['身份证 44010619900101123X 已核实', '身份证 4401**********123X 已核实'],
    ['工单 20261122000000000001 不变', '工单 20261122000000000001 不变'],
    ['报修电话 020-12345678', '报修电话 020-12345678'],
    ['请联系：１３８１２３４５６７８（全角）', '请联系：138****5678（全角）'],
  ])('masks "%s"', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(findPersonalData(maskPersonalData(text))).toEqual([]);
  });
});
