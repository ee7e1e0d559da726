import { InMemorySentMessageStore, LocalSmsGateway } from './local-sms.gateway';

describe('LocalSmsGateway with InMemorySentMessageStore', () => {
  const first = new Date('2030-01-01T00:00:00Z');
  const later = new Date('2030-01-01T00:05:00Z');

  it('records each id once: a repeat returns the first providerMessageId and changes nothing', async () => {
    const store = new InMemorySentMessageStore();
    let at = first;
    const gateway = new LocalSmsGateway(store, () => at);
    expect(gateway.name).toBe('local');

    const a = await gateway.sendSms({ id: 'n-1', to: '13812345678', text: '已受理' });
    at = later;
    const again = await gateway.sendSms({ id: 'n-1', to: '13812345678', text: '已受理（重发）' });
    const b = await gateway.sendSms({ id: 'n-2', to: '13912345678', text: '已办结' });

    expect(again).toEqual(a);
    expect(b.providerMessageId).not.toBe(a.providerMessageId);
    expect(store.list()).toEqual([
      { id: 'n-1', to: '13812345678', text: '已受理', sentAt: first, providerMessageId: a.providerMessageId },
      { id: 'n-2', to: '13912345678', text: '已办结', sentAt: later, providerMessageId: b.providerMessageId },
    ]);
  });

  it('lists copies that a caller cannot use to change the store', async () => {
    const store = new InMemorySentMessageStore();
    await store.record({ id: 'n-1', to: '13812345678', text: '已受理', sentAt: first });
    const [listed] = store.list();
    listed.text = 'changed';
    listed.sentAt.setTime(0);
    expect(store.list()[0]).toMatchObject({ text: '已受理', sentAt: first });
  });
});
