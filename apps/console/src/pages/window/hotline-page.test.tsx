import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES, registrationView } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { HotlinePage, MAX_ORDERS, orderFieldLabel, parseOrders } from './hotline-page';

const IMPORTED = registrationView({
  id: '0d6f3b55-8a55-4d44-b6a4-2f7f6c0a0101',
  trackingNo: '440106-20261123-000021',
  channel: 'hotline',
  source: 'hotline',
  status: 'dispatched',
  title: '路灯不亮',
  regionCode: '440106001',
  externalOrderId: 'GZ12345-20261123-0001',
  receivedAt: '2026-11-23T09:30:00.000+08:00',
});

const order = (i: number) => ({
  externalOrderId: `GZ12345-20261123-00${i}`,
  receivedAt: '2026-11-23T09:30:00+08:00',
  petitionerName: `市民${i}`,
  title: '路灯不亮',
  content: '小区路灯损坏，夜间无照明。',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
});

const fileOf = (content: unknown, name = 'orders.json') => new File([JSON.stringify(content)], name, { type: 'application/json' });

describe('12345 工单 (hotline imports)', () => {
  it('lists the imported orders of the period with their order ids, region names and status, from the API', async () => {
    const requests = fakeApi({ ...REFERENCE_ROUTES, 'GET /intake/api/petitions': () => json({ items: [IMPORTED], nextCursor: null }) });
    const user = userEvent.setup();
    renderPage(<HotlinePage />);
    const row = (await screen.findByText('GZ12345-20261123-0001')).closest('tr') as HTMLElement;
    expect(within(row).getByText('440106-20261123-000021')).toBeInTheDocument();
    expect(within(row).getByText('已转交办理')).toBeInTheDocument();
    expect(await within(row).findByText('五山街道')).toBeInTheDocument();
    expect(within(row).getByText('2026-11-23 09:30')).toBeInTheDocument();
    const listed = requests.filter((r) => r.path === '/intake/api/petitions');
    expect(listed[0].query.get('source')).toBe('hotline');
    expect(listed[0].query.get('from')).toMatch(/T00:00:00\+08:00$/);

    await user.click(screen.getByText('近 7 天'));
    await waitFor(() => expect(requests.filter((r) => r.path === '/intake/api/petitions')).toHaveLength(2));
    const week = requests.filter((r) => r.path === '/intake/api/petitions')[1];
    expect(Date.parse(listed[0].query.get('from') as string) - Date.parse(week.query.get('from') as string)).toBe(6 * 86_400_000);
  });

  it('imports a file of orders, shows each result with its query code once, and lists the field reasons of a refused batch', async () => {
    let attempt = 0;
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'GET /intake/api/petitions': () => json({ items: [], nextCursor: null }),
      'POST /intake/api/petitions/hotline-imports': () => {
        attempt++;
        if (attempt === 1)
          return json(
            {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: '输入有误 (validation failed)',
              details: [{ field: 'orders.1.regionCode', reason: 'regionCode is not a known region' }],
            },
            400,
          );
        return json({
          results: [
            {
              externalOrderId: 'GZ12345-20261123-001',
              petitionId: 'p1',
              trackingNo: '440106-20261123-000031',
              status: 'dispatched',
              created: true,
              queryCode: 'K7M3Q9TX',
            },
            {
              externalOrderId: 'GZ12345-20261123-002',
              petitionId: 'p2',
              trackingNo: '440106-20261123-000032',
              status: 'dispatched',
              created: false,
              queryCode: null,
            },
          ],
        });
      },
    });
    const user = userEvent.setup();
    const { container } = renderPage(<HotlinePage />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;

    await user.upload(input, fileOf({ orders: [order(1), order(2)] }));
    expect(await screen.findByText('orders.json：2 件工单')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^导\s*入$/ }));
    expect(await screen.findByText('第 2 件工单 regionCode：regionCode is not a known region')).toBeInTheDocument();
    expect(screen.getByText(/导入失败，没有导入任何工单/)).toBeInTheDocument();

    // The same batch sent again is the same submission: the same Idempotency-Key.
    // (antd keeps the spinner's label in the button's name while its exit motion runs in jsdom.)
    await user.click(screen.getByText(/^导\s*入$/));
    expect(await screen.findByText('已处理 2 件工单：新登记 1 件，此前已导入 1 件')).toBeInTheDocument();
    expect(screen.getByText('K7M3Q9TX')).toBeInTheDocument();
    expect(within(screen.getByText('GZ12345-20261123-002').closest('tr') as HTMLElement).getByText('此前已导入')).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts[0].body).toEqual({ orders: [order(1), order(2)] });
    expect(posts[1].headers.get('Idempotency-Key')).toBe(posts[0].headers.get('Idempotency-Key'));
  });

  it('refuses a file that is not a batch of orders before sending anything', async () => {
    const requests = fakeApi({ ...REFERENCE_ROUTES, 'GET /intake/api/petitions': () => json({ items: [], nextCursor: null }) });
    const user = userEvent.setup();
    const { container } = renderPage(<HotlinePage />);
    await user.upload(
      container.querySelector('input[type=file]') as HTMLInputElement,
      new File(['not json'], 'bad.json', { type: 'application/json' }),
    );
    expect(await screen.findByText('bad.json：文件不是有效的 JSON')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

describe('reading a 12345 export', () => {
  it('takes the API body or a bare array, and names what is wrong otherwise', () => {
    expect(parseOrders(JSON.stringify([order(1)]))).toEqual({ orders: [order(1)] });
    expect(parseOrders(JSON.stringify({ orders: [order(1)] }))).toEqual({ orders: [order(1)] });
    expect(parseOrders('{"items": []}')).toEqual({ problem: '文件中没有工单列表（应为 {"orders": [...]} 或工单数组）' });
    expect(parseOrders('[]')).toEqual({ problem: '文件中没有工单' });
    expect(parseOrders('[1, 2]')).toEqual({ problem: '工单列表中每一项都应是一个工单对象' });
    const many = Array.from({ length: MAX_ORDERS + 1 }, (_, i) => order(i));
    expect(parseOrders(JSON.stringify(many))).toEqual({ problem: `一次最多导入 200 件工单，文件中有 201 件，请分批导入` });
  });

  it('counts orders from one in field paths', () => {
    expect(orderFieldLabel('orders.0.petitionerPhone')).toBe('第 1 件工单 petitionerPhone');
    expect(orderFieldLabel('orders.11')).toBe('第 12 件工单');
    expect(orderFieldLabel('orders')).toBe('orders');
  });
});
